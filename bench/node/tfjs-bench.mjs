// The TensorFlow.js peer of `./gureum bench vision`: times the very tfjs graph models that Gureum converts to ONNX
// (each installed pack keeps its original model.json + weights) on tfjs's CPU backend, the pure-JS one that
// @tensorflow/tfjs brings (tfjs-node's native TensorFlow downloads a binary at install time; not used here).
//
// Usage: node tfjs-bench.mjs SPEC.json  (the bench writes the spec; see VisionBench/ModelSpeed)
//   { "warmUp": 2, "runs": 10, "maxSeconds": 20,
//     "models": [ { "id": "faceres", "file": "/.../faceres.json", "shape": [1,224,224,3] }, ... ] }
// Prints one JSON object on stdout: { "tfjs", "backend", "node", "models": [ { id, loadMs, runs, p50Ms, p90Ms, meanMs } ] }
// (or { id, error } for a model that failed). Per model: load, `warmUp` unmeasured runs, then up to `runs` measured
// runs, stopping early after `maxSeconds` (at least 3 measured runs). A run is execute() plus reading every output,
// with a fixed pseudo-random input (fed to the model's one input) made once, outside the timing.
import * as tf from '@tensorflow/tfjs';
import fs from 'node:fs';
import { diskHandler } from '../../runtime/src/test/golden/disk-handler.mjs';

/** Values in [0, 1) from a 32-bit LCG: the same input every run, and no time spent on Math.random per element. */
function input(shape) {
  const values = new Float32Array(shape.reduce((a, b) => a * b, 1));
  let h = 12345;
  for (let i = 0; i < values.length; i++) {
    h = (Math.imul(h, 1664525) + 1013904223) | 0;
    values[i] = (h >>> 24) / 256;
  }
  return tf.tensor(values, shape, 'float32');
}

async function runOnce(model, feeds) {
  let outputs;
  try {
    outputs = model.execute(feeds);
  } catch (e) { // graphs with dynamic ops only run asynchronously
    outputs = await model.executeAsync(feeds);
  }
  if (!Array.isArray(outputs)) outputs = [outputs];
  for (const t of outputs) await t.data();
  tf.dispose(outputs);
}

const percentile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];

async function timeModel(spec, settings) {
  const loadStart = performance.now();
  const model = await tf.loadGraphModel(diskHandler(spec.file));
  const loadMs = performance.now() - loadStart;
  if (model.inputs.length !== 1) throw new Error(`${spec.id} has ${model.inputs.length} inputs`);
  const feeds = { [model.inputs[0].name]: input(spec.shape) };
  try {
    for (let i = 0; i < settings.warmUp; i++) await runOnce(model, feeds);
    const times = [];
    const deadline = performance.now() + settings.maxSeconds * 1000;
    while (times.length < settings.runs && (times.length < 3 || performance.now() < deadline)) {
      const t0 = performance.now();
      await runOnce(model, feeds);
      times.push(performance.now() - t0);
    }
    const sorted = [...times].sort((a, b) => a - b);
    return { id: spec.id, loadMs, runs: times.length, p50Ms: percentile(sorted, 0.5), p90Ms: percentile(sorted, 0.9),
      meanMs: times.reduce((a, b) => a + b, 0) / times.length };
  } finally {
    tf.dispose(Object.values(feeds));
    model.dispose();
  }
}

const settings = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
await tf.setBackend('cpu');
await tf.ready();
const results = [];
for (const spec of settings.models) {
  try {
    results.push(await timeModel(spec, settings));
  } catch (e) {
    results.push({ id: spec.id, error: String(e && e.message || e) });
  }
}
process.stdout.write(JSON.stringify({ tfjs: tf.version.tfjs, backend: tf.getBackend(), node: process.version, models: results }) + '\n');
