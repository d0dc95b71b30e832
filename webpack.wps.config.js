/**
 * Builds the WPS 表格 add-in (WPS 加载项, jsplugin) into dist-wps/: `npm run build:wps`.
 *   index.html      entry page WPS loads at start-up: functions.js (registers ASSESS.*) + ribbon.js
 *   main.js         the same two scripts for clients that make their own index.html, which loads
 *                   main.js from the add-in's folder (Kingsoft, "WPS 加载项开发说明": "WPS 加载项
 *                   启动时，首先在 WPS 加载项对应文件夹中自动创建index.html网页并打开，index.html从当前
 *                   路径引入main.js"); like the wpsjs template's main.js, it writes their <script>s
 *   manifest.xml    <Functions><Uri>functions.json</Uri><Namespace>ASSESS</Namespace>
 *   ribbon.xml      the ASSESS tab; its button opens taskpane.html in a WPS task pane
 *   functions.json  the functions' metadata as the wpsjs scanner writes it, Chinese descriptions
 *   taskpane.html/.js/.css, help.html, assets/  the task pane on the ET host (src/wps/pane.ts): the
 *                   Office pane's page without office.js, its CSP without Microsoft's origin
 * Every URL is relative, so the folder can be served from any host or copied into jsaddons.
 * No eval: source maps are separate files (devtool 'source-map'), as in the Office build.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import webpack from 'webpack';
import { generateWpsFunctions } from './scripts/wps-functions-json.mjs';

const root = path.dirname(fileURLToPath(import.meta.url));

/** The Office pane's page for WPS: office.js and its origin out, every other line of the page and its CSP kept. */
export function wpsPaneHtml(officeHtml) {
  const office = 'https://appsforoffice.microsoft.com';
  const html = officeHtml
    .replace(/\s*<script src="https:\/\/appsforoffice\.microsoft\.com\/[^"]*"><\/script>/, '')
    .replace(/; (?:frame|child)-src https:\/\/appsforoffice\.microsoft\.com/g, '')
    .replaceAll(` ${office}`, '');
  if (html.includes(office)) throw new Error(`taskpane.html for WPS still names ${office}`);
  return html;
}

/** The entry page's scripts, in order: index.html and main.js both load exactly these. */
const ENTRY_CHUNKS = ['functions', 'ribbon'];

/**
 * main.js: writes a <script> for each entry script while the page is parsed (document.write, as
 * the wpsjs template's main.js does), so they run in order before WPS reads ribbon.xml. URLs are
 * relative to the page, which WPS opens in the add-in's folder.
 */
export function wpsMainJs(chunks = ENTRY_CHUNKS) {
  const tags = chunks.map((name) => `<script type="text/javascript" src="${name}.js"></script>`);
  return `/* ASSESS: loads the add-in's scripts for WPS clients that open their own index.html (see webpack.wps.config.js). */\n${tags.map((tag) => `document.write(${JSON.stringify(tag)});`).join('\n')}\n`;
}

export default async (_env = {}, argv = {}) => {
  const production = argv.mode !== 'development';
  const functionsJson = await generateWpsFunctions();
  return {
    mode: production ? 'production' : 'development',
    devtool: 'source-map',
    entry: {
      functions: './src/wps/functions.ts',
      ribbon: './src/wps/ribbon.ts',
      taskpane: './src/wps/pane.ts',
    },
    output: { path: path.join(root, 'dist-wps'), filename: '[name].js', clean: true },
    resolve: { extensions: ['.ts', '.js', '.json'] },
    module: {
      rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true } } }],
    },
    performance: { hints: false },
    plugins: [
      new webpack.DefinePlugin({ __ASSESS_WPS_FUNCTIONS__: JSON.stringify(functionsJson) }),
      {
        apply(compiler) {
          compiler.hooks.thisCompilation.tap('WpsFunctionsJson', (compilation) => {
            compilation.hooks.processAssets.tap({ name: 'WpsFunctionsJson', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
              compilation.emitAsset('functions.json', new webpack.sources.RawSource(JSON.stringify(functionsJson, null, 2)));
              compilation.emitAsset('main.js', new webpack.sources.RawSource(wpsMainJs()));
            });
          });
        },
      },
      new HtmlWebpackPlugin({ filename: 'index.html', template: './src/wps/index.html', chunks: ENTRY_CHUNKS, inject: 'body', scriptLoading: 'blocking', publicPath: '' }),
      new HtmlWebpackPlugin({ filename: 'taskpane.html', templateContent: wpsPaneHtml(readFileSync(path.join(root, 'src/taskpane/taskpane.html'), 'utf8')), chunks: ['taskpane'], inject: 'body', scriptLoading: 'blocking', publicPath: '', title: 'ASSESS' }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'src/wps/manifest.xml', to: 'manifest.xml' },
          { from: 'src/wps/ribbon.xml', to: 'ribbon.xml' },
          { from: 'src/taskpane/help.html', to: 'help.html' },
          { from: 'src/taskpane/taskpane.css', to: 'taskpane.css' },
        ],
      }),
    ],
  };
};
