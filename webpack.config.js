/**
 * Builds the add-in into dist/: functions.js + functions.json (+ functions.zh-cn.json) for the
 * custom functions runtime, taskpane.html, commands.html, help.html, assets and manifest.xml.
 * Production host: `npm run build -- --env host=https://example.gov.cn/assess/` rewrites every
 * https://localhost:3000/ URL in dist/manifest.xml. dist/web.config (IIS) and dist/nginx-assess.conf
 * (nginx) give the production server the CORS and JSON headers the custom functions need
 * (scripts/server-config.mjs, the one list of files and headers).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import webpack from 'webpack';
import { localizeMetadata } from './scripts/localize-metadata.mjs';
import { CORS_FILES, CORS_HEADERS, iisWebConfig, nginxSnippet } from './scripts/server-config.mjs';

const require = createRequire(import.meta.url);
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const root = path.dirname(fileURLToPath(import.meta.url));
const DEV_HOST = 'https://localhost:3000/';

/** The example workbooks as sheets for the playground (formulas kept as formulas). */
class PlaygroundExamplesPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('PlaygroundExamplesPlugin', (compilation) => {
      compilation.hooks.processAssets.tapPromise({ name: 'PlaygroundExamplesPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, async () => {
        const { default: ExcelJS } = await import('exceljs');
        const dir = path.join(root, 'examples');
        const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.xlsx')).sort() : [];
        const sheets = [];
        for (const file of files) {
          compilation.fileDependencies.add(path.join(dir, file));
          const workbook = new ExcelJS.Workbook();
          await workbook.xlsx.readFile(path.join(dir, file));
          for (const sheet of workbook.worksheets) {
            const cells = [];
            for (let r = 1; r <= sheet.rowCount; r++) {
              const row = [];
              for (let c = 1; c <= sheet.columnCount; c++) row.push(playgroundCell(sheet.getRow(r).getCell(c).value));
              cells.push(row);
            }
            const name = workbook.worksheets.length > 1 ? `${file.replace(/\.xlsx$/, '')} ${sheet.name}` : file.replace(/\.xlsx$/, '');
            sheets.push({ name: name.slice(0, 31), cells });
          }
        }
        compilation.emitAsset('playground-examples.json', new webpack.sources.RawSource(JSON.stringify(sheets)));
      });
    });
  }
}

function playgroundCell(value) {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('formula' in value) return `=${value.formula}`;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('error' in value) return value.error;
  if ('result' in value) return value.result ?? null;
  return 'text' in value ? String(value.text) : String(value);
}

/**
 * The metadata's top-level flags (issue 20.3), set on the generated functions.json before it is
 * localized:
 * - allowErrorForDataTypeAny: true — error cells (#DIV/0! …) reach parameters of type any as
 *   CustomFunctions.Error values (code "#DIV/0!" …) instead of Excel answering #VALUE! without
 *   calling the function (Microsoft Learn, "Manually create JSON metadata for custom functions";
 *   "Handle and return errors from your custom function");
 * - allowCustomDataForDataTypeAny removed (custom-functions-metadata always writes it as true): with
 *   it an entity or formatted-number cell arrives as a data-type object; without it, as its basic
 *   value (Learn, "Use data types with custom functions in Excel").
 */
export function metadataFlags(metadata) {
  const { allowCustomDataForDataTypeAny: _dropped, ...rest } = metadata;
  return { allowErrorForDataTypeAny: true, ...rest };
}

class MetadataFlagsPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('MetadataFlagsPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'MetadataFlagsPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        const asset = compilation.getAsset('functions.json');
        if (!asset) return;
        const fixed = metadataFlags(JSON.parse(asset.source.source().toString()));
        compilation.updateAsset('functions.json', new webpack.sources.RawSource(JSON.stringify(fixed, null, 4)));
      });
    });
  }
}

/** dist/web.config and dist/nginx-assess.conf from scripts/server-config.mjs. */
class ServerConfigPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('ServerConfigPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'ServerConfigPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        compilation.emitAsset('web.config', new webpack.sources.RawSource(iisWebConfig()));
        compilation.emitAsset('nginx-assess.conf', new webpack.sources.RawSource(nginxSnippet()));
      });
    });
  }
}

class LocalizedMetadataPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('LocalizedMetadataPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'LocalizedMetadataPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        const english = compilation.getAsset('functions.json');
        if (!english) return;
        const table = JSON.parse(readFileSync(path.join(root, 'src/functions/zh-cn.json'), 'utf8'));
        try {
          const source = JSON.parse(english.source.source().toString());
          // Chinese descriptions and parameter help, but the English names in every locale: the pane
          // writes =ASSESS.SCORE(…) with range.formulas, which must resolve whatever the display
          // language (README "Function names in every language"; src/functions/names.ts).
          const localized = localizeMetadata(source, table);
          const zh = { ...localized, functions: localized.functions.map((fn, i) => ({ ...fn, name: source.functions[i].name })) };
          compilation.emitAsset('functions.zh-cn.json', new webpack.sources.RawSource(JSON.stringify(zh, null, 2)));
        } catch (error) {
          compilation.errors.push(new webpack.WebpackError(error.message));
        }
      });
    });
  }
}

export default async (env = {}, argv = {}) => {
  const production = argv.mode !== 'development';
  const host = env.host ? String(env.host).replace(/\/?$/, '/') : DEV_HOST;
  if (!/^https:\/\//.test(host)) throw new Error(`--env host must be an https:// URL, got ${host}`);
  const page = (name, chunks, title) =>
    new HtmlWebpackPlugin({ filename: `${name}.html`, template: `./src/${name === 'functions' ? 'functions' : 'taskpane'}/${name}.html`, chunks, title, inject: 'body', scriptLoading: 'blocking' });
  return {
    mode: production ? 'production' : 'development',
    devtool: production ? 'source-map' : 'eval-source-map',
    entry: {
      functions: './src/functions/functions.ts',
      taskpane: './src/excel/pane.ts',
      commands: './src/taskpane/commands.ts',
      // The playground embeds HyperFormula (GPL-3.0); it is its own entry, so no add-in bundle contains it.
      playground: './src/playground/playground.ts',
    },
    output: { path: path.join(root, 'dist'), filename: '[name].js', clean: true },
    resolve: { extensions: ['.ts', '.js', '.json'] },
    module: {
      rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true } } }],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: './src/functions/functions.ts' }),
      // Before LocalizedMetadataPlugin (same stage, taps run in order): the Chinese metadata gets the flags too.
      new MetadataFlagsPlugin(),
      new LocalizedMetadataPlugin(),
      new ServerConfigPlugin(),
      new PlaygroundExamplesPlugin(),
      page('functions', ['functions'], 'ASSESS functions'),
      page('taskpane', ['taskpane'], 'ASSESS'),
      page('commands', ['commands'], 'ASSESS commands'),
      new HtmlWebpackPlugin({ filename: 'playground.html', template: './src/playground/playground.html', chunks: ['playground'], inject: 'body', scriptLoading: 'blocking' }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'src/taskpane/help.html', to: 'help.html' },
          { from: 'src/taskpane/taskpane.css', to: 'taskpane.css' },
          { from: 'src/playground/playground.css', to: 'playground.css' },
          { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => content.toString().split(DEV_HOST).join(host) },
        ],
      }),
    ],
    devServer: {
      // Loopback only: the add-in origin is https://localhost:3000/ (manifest.xml); nothing else needs it.
      host: 'localhost',
      port: 3000,
      // No wildcard CORS for the task pane, commands, help or playground pages: they load from this
      // origin. Only the custom-functions files behind manifest.xml's Functions.* URLs get
      // `Access-Control-Allow-Origin: *`: Excel on the web requests the metadata JSON from its own
      // origin (excel.officeapps.live.com, regional and sovereign-cloud hosts, hence no fixed origin
      // list), and Microsoft documents that the server hosting it must have CORS enabled. These files
      // are the public add-in bundle; `*` never allows credentials.
      headers: (request) => (CORS_FILES.map((file) => `/${file}`).includes(String(request.url ?? '').split(/[?#]/, 1)[0]) ? { ...CORS_HEADERS } : {}),
      static: { directory: path.join(root, 'dist') },
      server: process.env.WEBPACK_SERVE ? await devServerTransport() : undefined,
    },
  };
};

/**
 * HTTPS with office-addin-dev-certs where they can be made. Where the CA cannot be trusted
 * (no admin rights) the certificate files are still generated: serve them (browsers will ask to
 * accept the certificate). Plain HTTP on localhost only when there are no certificates at all.
 */
async function devServerTransport() {
  const certs = require('office-addin-dev-certs');
  try {
    const options = await certs.getHttpsServerOptions();
    return { type: 'https', options: { key: options.key, cert: options.cert, ca: options.ca } };
  } catch (error) {
    const dir = path.join(os.homedir(), '.office-addin-dev-certs');
    const files = ['localhost.key', 'localhost.crt', 'ca.crt'].map((name) => path.join(dir, name));
    if (files.every(existsSync)) {
      console.warn(`ASSESS: the development CA is not trusted (${String(error.message).trim()}); serving HTTPS with the generated certificate — accept it in the browser.`);
      const [key, cert, ca] = files.map((file) => readFileSync(file));
      return { type: 'https', options: { key, cert, ca } };
    }
    console.warn(`ASSESS: HTTPS certificates unavailable (${String(error.message).trim()}); serving plain HTTP on localhost.`);
    return 'http';
  }
}
