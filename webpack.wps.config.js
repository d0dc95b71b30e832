/**
 * Builds the WPS 表格 add-in (WPS 加载项, jsplugin) into dist-wps/: `npm run build:wps`.
 *   index.html      entry page WPS loads at start-up: functions.js (registers ASSESS.*) + ribbon.js
 *   manifest.xml    <Functions><Uri>functions.json</Uri><Namespace>ASSESS</Namespace>
 *   ribbon.xml      the ASSESS tab; its button opens taskpane.html in a WPS task pane
 *   functions.json  the functions' metadata as the wpsjs scanner writes it, Chinese descriptions
 *   taskpane.html/.js/.css, help.html, assets/  the task pane (the same bundle as the Office build for now)
 * Every URL is relative, so the folder can be served from any host or copied into jsaddons.
 * No eval: source maps are separate files (devtool 'source-map'), as in the Office build.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import webpack from 'webpack';
import { generateWpsFunctions } from './scripts/wps-functions-json.mjs';

const root = path.dirname(fileURLToPath(import.meta.url));

export default async (_env = {}, argv = {}) => {
  const production = argv.mode !== 'development';
  const functionsJson = await generateWpsFunctions();
  return {
    mode: production ? 'production' : 'development',
    devtool: 'source-map',
    entry: {
      functions: './src/wps/functions.ts',
      ribbon: './src/wps/ribbon.ts',
      taskpane: './src/taskpane/taskpane.ts',
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
            });
          });
        },
      },
      new HtmlWebpackPlugin({ filename: 'index.html', template: './src/wps/index.html', chunks: ['functions', 'ribbon'], inject: 'body', scriptLoading: 'blocking', publicPath: '' }),
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'], inject: 'body', scriptLoading: 'blocking', publicPath: '', title: 'ASSESS' }),
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
