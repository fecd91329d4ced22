/**
 * Builds what exists so far: the scoring core as one library bundle (dist/core/xephang-core.js)
 * that both hosts will embed. The Excel (addin/) and Sheets (gas/) issues add their entries.
 */
const path = require('path');

module.exports = (env = {}, argv = {}) => ({
  mode: argv.mode || 'production',
  target: ['web', 'es2020'],
  entry: { 'xephang-core': './shared/index.ts' },
  output: {
    path: path.resolve(__dirname, 'dist/core'),
    filename: '[name].js',
    library: { name: 'XepHang', type: 'umd' },
    globalObject: 'globalThis',
    clean: true,
  },
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        loader: 'ts-loader',
        exclude: /node_modules/,
        options: { transpileOnly: true, compilerOptions: { module: 'es2020', noEmit: false } },
      },
    ],
  },
  devtool: env.production ? false : 'source-map',
  performance: { hints: false },
});
