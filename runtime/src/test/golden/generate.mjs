// Regenerates the golden files that the tfjs importer's tests compare ONNX Runtime against.
//
// The reference is TensorFlow.js itself (pure-JS CPU backend, the version pinned in package.json).
//  - packs: each converted catalog pack, run exactly as the catalog installs it (TfjsGoldenTest);
//  - ops:   the small hand-written graphs of op-cases.mjs, written out as model.json + weights.bin
//           next to their golden outputs (OpCasesTest).
// Inputs are not stored: they come from a seeded formula that GoldenFile.java reproduces bit for
// bit (see fill() below). Outputs are stored in full when small, else as a fixed sample of
// positions (plus the positions of the largest values, where detectors and classifiers keep their
// signal), together with the shape and mean of the whole output.
//
// Usage, from this folder after `npm ci --ignore-scripts` (the packs must be installed, e.g. by
// `./gureum models install --all` or by running the Java tests once):
//   node generate.mjs [ops] [packs [--models DIR] [id ...]]      (no argument: both)
// DIR defaults: $GUREUM_MODELS_DIR, else $GUREUM_HOME/models, else ~/.gureum/models.
import * as tf from '@tensorflow/tfjs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cases as opCases } from './op-cases.mjs';
import { diskHandler } from './disk-handler.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const RESOURCES = path.join(HERE, '..', 'resources', 'io', 'gureum', 'runtime', 'tfjs');
const FULL_LIMIT = 2048; // outputs up to this many values are stored whole
const SAMPLE = 1024;     // otherwise this many sampled positions ...
const TOP = 16;          // ... plus the positions of the largest values

// One case per converted pack: its installed model file and fixed inputs (`lo`/`hi`: a plausible
// input range; batch 2 where the model takes any batch size, to exercise the dynamic batch dim).
const CASES = [
  { id: 'blazeface-back', version: '3.0.4', file: 'blazeface-back.json',
    inputs: [{ name: 'input', dtype: 'float32', shape: [1, 256, 256, 3], lo: -1, hi: 1, seed: 11 }] },
  { id: 'faceres', version: '3.0.4', file: 'faceres.json',
    inputs: [{ name: 'input_1', dtype: 'float32', shape: [2, 224, 224, 3], lo: 0, hi: 1, seed: 12 }] },
  { id: 'emotion', version: '3.0.4', file: 'emotion.json',
    inputs: [{ name: 'input_1', dtype: 'float32', shape: [2, 64, 64, 1], lo: 0, hi: 1, seed: 13 }] },
  { id: 'age', version: '3.0.4', file: 'age.json',
    inputs: [{ name: 'input_1', dtype: 'float32', shape: [2, 64, 64, 3], lo: 0, hi: 1, seed: 14 }] },
  { id: 'gender', version: '3.0.4', file: 'gender.json',
    inputs: [{ name: 'input_1', dtype: 'float32', shape: [2, 64, 64, 1], lo: 0, hi: 1, seed: 15 }] },
  { id: 'mobilefacenet', version: '3.0.4', file: 'mobilefacenet.json',
    inputs: [{ name: 'img_inputs', dtype: 'float32', shape: [2, 112, 112, 3], lo: -1, hi: 1, seed: 16 }] },
  { id: 'centernet', version: '3.0.4', file: 'centernet.json',
    inputs: [{ name: 'tower_0/images', dtype: 'float32', shape: [1, 512, 512, 3], lo: 0, hi: 1, seed: 17 }] },
  { id: 'nanodet', version: '3.0.4', file: 'nanodet.json',
    inputs: [{ name: 'input_1', dtype: 'float32', shape: [1, 3, 416, 416], lo: 0, hi: 1, seed: 18 }] },
  { id: 'movenet-lightning', version: '3.0.4', file: 'movenet-lightning.json',
    inputs: [{ name: 'input', dtype: 'int32', shape: [1, 192, 192, 3], lo: 0, hi: 255, seed: 19 }] },
];

/**
 * The input formula: a 32-bit linear congruential generator (Numerical Recipes constants), one
 * step per element; its top byte b (0..255) gives lo + (hi - lo) * b / 255 for float32 inputs
 * (computed in double, then rounded to float32) and lo + floor((hi - lo + 1) * b / 256) for int32.
 */
function fill(spec) {
  const count = spec.shape.reduce((a, b) => a * b, 1);
  const values = spec.dtype === 'int32' ? new Int32Array(count) : new Float32Array(count);
  let h = spec.seed | 0;
  for (let i = 0; i < count; i++) {
    h = (Math.imul(h, 1664525) + 1013904223) | 0;
    const b = h >>> 24;
    values[i] = spec.dtype === 'int32'
      ? spec.lo + Math.floor((spec.hi - spec.lo + 1) * b / 256)
      : spec.lo + (spec.hi - spec.lo) * b / 255;
  }
  return values;
}

/** Sorted distinct positions in [0, count): SAMPLE from the same generator, seeded by the output's index. */
function samplePositions(count, seed, values) {
  const picked = new Set();
  let h = (seed * 7919 + 1) | 0;
  while (picked.size < Math.min(SAMPLE, count)) {
    h = (Math.imul(h, 1664525) + 1013904223) | 0;
    picked.add((h >>> 0) % count);
  }
  const byValue = Array.from(values.keys()).sort((a, b) => values[b] - values[a] || a - b).slice(0, TOP);
  byValue.forEach(i => picked.add(i));
  return Array.from(picked).sort((a, b) => a - b);
}

/** Shortest decimal that reads back as the same float32 (keeps the golden files small). */
function short(v) {
  if (!Number.isFinite(v)) return String(v);
  for (let p = 1; p < 10; p++) {
    const s = Number(v.toPrecision(p));
    if (Math.fround(s) === v) return s;
  }
  return v;
}

/** The name an output has in the converted ONNX graph: the TF node name, ":k" only for k > 0. */
const onnxName = tfName => tfName.endsWith(':0') ? tfName.slice(0, -2) : tfName;

/** Runs a loaded model on the formula's inputs; the outputs in golden-file form. */
async function run(model, inputs, names = model.outputNodes) {
  const feeds = {};
  for (const spec of inputs) feeds[spec.name] = tf.tensor(fill(spec), spec.shape, spec.dtype);
  let results;
  try {
    results = model.execute(feeds, names);
  } catch (e) { // graphs with dynamic ops (NonMaxSuppression, ...) only run asynchronously
    results = await model.executeAsync(feeds, names);
  }
  if (!Array.isArray(results)) results = [results];
  const outputs = [];
  for (let k = 0; k < names.length; k++) {
    const t = results[k];
    const values = Array.from(await t.data(), Number); // bools as 0/1
    const count = values.length;
    const out = { name: onnxName(names[k]), dtype: t.dtype, shape: t.shape, mean: values.reduce((a, b) => a + b, 0) / Math.max(count, 1) };
    if (count <= FULL_LIMIT) {
      out.values = values.map(short);
    } else {
      out.indices = samplePositions(count, k + 1, values);
      out.values = out.indices.map(i => short(values[i]));
    }
    outputs.push(out);
  }
  tf.dispose([...Object.values(feeds), ...results]);
  return outputs;
}

function write(file, golden) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({
    comment: 'Generated by runtime/src/test/golden/generate.mjs; do not edit.',
    reference: `@tensorflow/tfjs@${tf.version.tfjs} (${tf.getBackend()} backend)`, ...golden }) + '\n');
}

async function generatePack(kase, modelsDir) {
  const modelFile = path.join(modelsDir, kase.id, kase.version, kase.file);
  if (!fs.existsSync(modelFile)) throw new Error(`${modelFile} is missing: install ${kase.id}@${kase.version} first`);
  const model = await tf.loadGraphModel(diskHandler(modelFile));
  const outputs = await run(model, kase.inputs);
  model.dispose();
  write(path.join(RESOURCES, 'golden', `${kase.id}.json`), { pack: `${kase.id}@${kase.version}`, file: kase.file, inputs: kase.inputs, outputs });
  console.log(`${kase.id}: ${outputs.map(o => `${o.name} [${o.shape}]`).join(', ')}`);
}

async function generateOps() {
  const dir = path.join(RESOURCES, 'ops');
  fs.rmSync(dir, { recursive: true, force: true });
  for (const graph of opCases()) {
    const { json, bin } = graph.files();
    const caseDir = path.join(dir, graph.name);
    fs.mkdirSync(caseDir, { recursive: true });
    fs.writeFileSync(path.join(caseDir, 'model.json'), json);
    fs.writeFileSync(path.join(caseDir, 'weights.bin'), bin);
    const model = await tf.loadGraphModel(diskHandler(path.join(caseDir, 'model.json')));
    const outputs = await run(model, graph.inputs, graph.outputs); // tensor names: several may share a node
    model.dispose();
    write(path.join(caseDir, 'golden.json'), { pack: null, file: 'model.json', inputs: graph.inputs, outputs });
    console.log(`op case ${graph.name}: ${outputs.length} outputs`);
  }
}

function defaultModelsDir() {
  if (process.env.GUREUM_MODELS_DIR) return process.env.GUREUM_MODELS_DIR;
  return path.join(process.env.GUREUM_HOME || path.join(os.homedir(), '.gureum'), 'models');
}

const args = process.argv.slice(2);
const named = args.includes('ops') || args.includes('packs');
const doOps = !named || args.includes('ops');
const doPacks = !named || args.includes('packs');
let modelsDir = defaultModelsDir();
const only = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--models') modelsDir = args[++i];
  else if (args[i] !== 'ops' && args[i] !== 'packs') only.push(args[i]);
}
await tf.setBackend('cpu');
tf.env().set('IS_TEST', true); // no "install tfjs-node" banner
if (doOps) await generateOps();
if (doPacks) {
  for (const kase of CASES.filter(c => only.length === 0 || only.includes(c.id))) await generatePack(kase, modelsDir);
}
