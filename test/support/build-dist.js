// Jest global setup for the "dist" project: build dist/ once (production mode) so the tests of the
// built bundle see the current sources. Set KPP_SKIP_BUILD=1 to reuse an existing dist/.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

module.exports = async function buildDist() {
  const root = path.resolve(__dirname, '..', '..');
  if (process.env.KPP_SKIP_BUILD === '1' && fs.existsSync(path.join(root, 'dist', 'functions.json'))) return;
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
};
