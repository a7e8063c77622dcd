// A tfjs IOHandler that reads a graph model's model.json and weight shards from disk: tfjs's own `file://`
// loader needs a browser or tfjs-node. Shared by the golden-file generator here and `./gureum bench vision`'s
// tfjs peer (bench/node/tfjs-bench.mjs).
import fs from 'node:fs';
import path from 'node:path';

export function diskHandler(modelFile) {
  return {
    load: async () => {
      const json = JSON.parse(fs.readFileSync(modelFile, 'utf8'));
      const specs = [];
      const shards = [];
      for (const group of json.weightsManifest) {
        specs.push(...group.weights);
        for (const p of group.paths) shards.push(fs.readFileSync(path.join(path.dirname(modelFile), p)));
      }
      const data = Buffer.concat(shards);
      return {
        modelTopology: json.modelTopology, format: json.format, generatedBy: json.generatedBy,
        convertedBy: json.convertedBy, signature: json.signature, userDefinedMetadata: json.userDefinedMetadata,
        weightSpecs: specs, weightData: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength),
      };
    },
  };
}
