// Builds the Excel add-in into dist/: taskpane.html, commands.html and dialog.html with their scripts, the manifest and icons.
const fs = require('fs');
const os = require('os');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

/** Where the add-in is served while developing; `--env url=https://…` replaces it in the copied manifest. */
const DEV_URL = 'https://localhost:3000';

/** office-addin-dev-certs (run by `npm run dev-server`) leaves its certificate here. */
function devCertificates() {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const file = (name) => path.join(dir, name);
  if (!fs.existsSync(file('localhost.crt'))) {
    throw new Error(
      `No development certificate in ${dir}: run "npm run dev-server", which installs one first.`,
    );
  }
  return {
    key: fs.readFileSync(file('localhost.key')),
    cert: fs.readFileSync(file('localhost.crt')),
    ca: fs.readFileSync(file('ca.crt')),
  };
}

function publicUrl(env) {
  const url = (env.url || DEV_URL).replace(/\/+$/, '');
  if (!/^https:\/\/[^/\s]+/.test(url)) throw new Error(`--env url must be an https URL, not ${url}`);
  return url;
}

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || 'production';
  const url = publicUrl(env);
  return {
    mode,
    context: __dirname,
    entry: {
      taskpane: './addin/taskpane/index.tsx',
      commands: './addin/commands/commands.ts',
      dialog: './addin/commands/dialog.ts',
    },
    // No `clean`: dist/ is shared with the Apps Script build (dist/apps-script), which this build must not delete.
    output: { path: path.resolve(__dirname, 'dist'), filename: '[name].js' },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      // The CSV parser's browser builds carry what they need from Node (Buffer); the Node builds do not.
      alias: {
        'csv-parse/sync': path.join(__dirname, 'node_modules/csv-parse/dist/esm/sync.js'),
        'csv-stringify/sync': path.join(__dirname, 'node_modules/csv-stringify/dist/esm/sync.js'),
      },
    },
    devtool: mode === 'production' ? 'source-map' : 'eval-cheap-module-source-map',
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            // Type checking is `npm run typecheck`'s job; ES modules let webpack drop what is unused.
            options: { transpileOnly: true, compilerOptions: { module: 'es2020', sourceMap: true } },
          },
        },
      ],
    },
    plugins: [
      // Office.js stays a <script> from the CDN in each template: that is how Excel loads it.
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './addin/taskpane/taskpane.html',
        chunks: ['taskpane'],
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './addin/commands/commands.html',
        chunks: ['commands'],
      }),
      new HtmlWebpackPlugin({
        filename: 'dialog.html',
        template: './addin/commands/dialog.html',
        chunks: ['dialog'],
      }),
      new CopyWebpackPlugin({
        patterns: [
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => content.toString().split(DEV_URL).join(url),
          },
          { from: 'addin/assets', to: 'assets' },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: {
      port: 3000,
      static: { directory: path.resolve(__dirname, 'dist') },
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: env.WEBPACK_SERVE ? { type: 'https', options: devCertificates() } : 'https',
    },
  };
};
