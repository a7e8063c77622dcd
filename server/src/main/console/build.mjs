// Builds the console for the server: the app's ES modules as they are, plus the ES-module builds of its libraries,
// copied into one folder the server serves at /console. There is no bundler: the browser loads the modules through
// the import map in index.html, so what is served is what is in app/ (easy to read, nothing to source-map).
//
//   node build.mjs <output folder>
//
// node_modules is (re)installed with `npm ci --ignore-scripts` when it is missing or older than package-lock.json,
// so a clean clone builds with nothing but Node and npm, and no package gets to run install scripts.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = process.argv[2];
if (!out) {
  console.error('usage: node build.mjs <output folder>');
  process.exit(2);
}

// Each library file the app imports, and where index.html's import map expects it.
const vendor = {
  'preact/dist/preact.mjs': 'preact.mjs',
  'preact/hooks/dist/hooks.mjs': 'preact-hooks.mjs',
  'htm/dist/htm.mjs': 'htm.mjs',
  '@preact/signals-core/dist/signals-core.mjs': 'signals-core.mjs',
  '@preact/signals/dist/signals.mjs': 'signals.mjs',
  // chart.js's ES build imports its helper chunks and @kurkle/color by bare name; the UMD build is one file
  'chart.js/dist/chart.umd.min.js': 'chart.umd.min.js',
};
const licences = { preact: 'preact/LICENSE', htm: 'htm/LICENSE', signals: '@preact/signals/LICENSE', 'chart.js': 'chart.js/LICENSE.md' };

function installIfStale() {
  const lock = join(here, 'package-lock.json');
  const installed = join(here, 'node_modules', '.package-lock.json');
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log('console: npm ci (node_modules missing or older than package-lock.json)');
  execFileSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: here, stdio: 'inherit' });
}

/**
 * Fails the build when a language lacks a string the other has, or the code asks for a literal key that neither has
 * (keys built at run time, t('status.' + s), are left to the browser test that reads every page in Korean).
 */
async function checkStrings() {
  const { strings } = await import(pathToFileURL(join(here, 'app', 'js', 'strings.js')));
  const problems = [];
  const [en, ko] = [Object.keys(strings.en), Object.keys(strings.ko)];
  en.filter((k) => !ko.includes(k)).forEach((k) => problems.push(`'${k}' has no Korean text`));
  ko.filter((k) => !en.includes(k)).forEach((k) => problems.push(`'${k}' has no English text`));
  const sources = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : []);
  for (const file of sources(join(here, 'app', 'js'))) {
    for (const [, key] of readFileSync(file, 'utf8').matchAll(/\bt\('([\w.-]+)'[,)]/g)) {
      if (!(key in strings.en)) problems.push(`${file}: t('${key}') has no text`);
    }
  }
  if (problems.length) {
    console.error('console: strings.js is incomplete:\n  ' + problems.join('\n  '));
    process.exit(1);
  }
}

installIfStale();
await checkStrings();
rmSync(out, { recursive: true, force: true });
cpSync(join(here, 'app'), out, { recursive: true });
mkdirSync(join(out, 'vendor', 'licences'), { recursive: true });
for (const [from, to] of Object.entries(vendor)) cpSync(join(here, 'node_modules', from), join(out, 'vendor', to));
for (const [name, file] of Object.entries(licences)) {
  const source = join(here, 'node_modules', file);
  if (existsSync(source)) cpSync(source, join(out, 'vendor', 'licences', name + '.txt'));
}
// The chatbot module's example bots, so the chatbot page can offer them for import without a second copy to drift
const examples = join(here, '..', '..', '..', '..', 'chatbot', 'src', 'main', 'resources', 'io', 'gureum', 'chatbot', 'examples');
mkdirSync(join(out, 'examples'), { recursive: true });
for (const name of ['restaurant-en.json', 'restaurant-ko.json']) {
  if (existsSync(join(examples, name))) cpSync(join(examples, name), join(out, 'examples', name));
}
console.log('console: built into ' + out);
