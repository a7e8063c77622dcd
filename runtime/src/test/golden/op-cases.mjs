// Small hand-written tfjs graph models, one per op family and its awkward corners (SAME padding on
// odd sizes, every StridedSlice mask, resize coordinate modes, floor division of negatives,
// quantized weights, layouts mixed through concat and reshape, ...). generate.mjs writes each as
// model.json + weights.bin and runs it through tfjs; OpCasesTest converts the same files and
// compares. The builder below writes the GraphDef JSON that tensorflowjs_converter would.

const b64 = s => Buffer.from(s, 'utf8').toString('base64');
export const A = {
  i: n => ({ i: String(n) }),
  f: x => ({ f: x }),
  b: v => ({ b: v }),
  s: v => ({ s: b64(v) }),
  type: t => ({ type: t }),
  ints: v => ({ list: { i: v.map(String) } }),
  strs: v => ({ list: { s: v.map(b64) } }),
};
const DT = { float32: 'DT_FLOAT', int32: 'DT_INT32', bool: 'DT_BOOL' };

/** IEEE half bits of a float that a half holds exactly (the cases only use such values). */
function toHalf(x) {
  if (x === 0) return Object.is(x, -0) ? 0x8000 : 0;
  const sign = x < 0 ? 0x8000 : 0;
  let m = Math.abs(x);
  let e = Math.floor(Math.log2(m));
  if (e < -14) return sign | Math.round(m / 2 ** -24); // subnormal
  const frac = Math.round((m / 2 ** e - 1) * 1024);
  return sign | ((e + 15) << 10) | frac;
}

class Graph {
  constructor(name) {
    this.name = name;
    this.nodes = [];
    this.weights = [];
    this.chunks = [];
    this.inputs = [];
    this.outputs = [];
    this.h = [...name].reduce((h, ch) => (Math.imul(h, 31) + ch.charCodeAt(0)) | 0, 7);
  }

  /** The same LCG as the inputs, for weights: values in [-scale, scale] on a 1/128 grid. */
  rand(count, scale) {
    const out = [];
    for (let i = 0; i < count; i++) {
      this.h = (Math.imul(this.h, 1664525) + 1013904223) | 0;
      out.push(((this.h >>> 24) - 128) / 128 * scale);
    }
    return out;
  }

  input(name, shape, { dtype = 'float32', lo = -1, hi = 1, batch = null } = {}) {
    const declared = batch === null ? shape : [batch, ...shape.slice(1)];
    this.nodes.push({ name, op: 'Placeholder', attr: {
      dtype: A.type(DT[dtype]), shape: { shape: { dim: declared.map(d => ({ size: String(d) })) } } } });
    this.inputs.push({ name, dtype, shape, lo, hi, seed: 100 + this.inputs.length });
    return name;
  }

  /** A weight; {@code q} stores it quantized: {dtype: 'uint8'|'uint16', min, scale, raw} or {dtype: 'float16'}. */
  constant(name, shape, values, { dtype = 'float32', q = null } = {}) {
    this.nodes.push({ name, op: 'Const', attr: {
      dtype: A.type(DT[dtype]),
      value: { tensor: { dtype: DT[dtype], tensorShape: { dim: shape.map(d => ({ size: String(d) })) } } } } });
    const spec = { name, shape, dtype };
    let bytes;
    if (q === null) {
      bytes = Buffer.from(new (dtype === 'float32' ? Float32Array : dtype === 'int32' ? Int32Array : Uint8Array)(values).buffer);
    } else if (q.dtype === 'float16') {
      spec.quantization = { dtype: 'float16', original_dtype: dtype };
      bytes = Buffer.from(new Uint16Array(values.map(toHalf)).buffer);
    } else {
      spec.quantization = { dtype: q.dtype, min: q.min, scale: q.scale, original_dtype: dtype };
      bytes = Buffer.from(new (q.dtype === 'uint8' ? Uint8Array : Uint16Array)(q.raw).buffer);
    }
    this.weights.push(spec);
    this.chunks.push(bytes);
    return name;
  }

  random(name, shape, scale = 1) {
    return this.constant(name, shape, this.rand(shape.reduce((a, b) => a * b, 1), scale));
  }

  ints(name, values, shape = [values.length]) {
    return this.constant(name, shape, values, { dtype: 'int32' });
  }

  op(name, op, inputs, attr = {}, T = 'DT_FLOAT') {
    this.nodes.push({ name, op, input: inputs, attr: T === null ? attr : { T: A.type(T), ...attr } });
    return name;
  }

  output(...names) {
    this.outputs.push(...names);
  }

  /** model.json and weights.bin as tensorflowjs_converter writes them. */
  files() {
    const outputs = Object.fromEntries(this.outputs.map(n => [n, { name: n }]));
    const inputs = Object.fromEntries(this.inputs.map(i => [i.name, { name: i.name }]));
    const model = {
      format: 'graph-model', generatedBy: 'gureum op case ' + this.name, convertedBy: 'runtime/src/test/golden/op-cases.mjs',
      signature: { inputs, outputs },
      modelTopology: { node: this.nodes, library: {}, versions: {} },
      weightsManifest: [{ paths: ['weights.bin'], weights: this.weights }],
    };
    return { json: JSON.stringify(model, null, 1) + '\n', bin: Buffer.concat(this.chunks) };
  }
}

const conv = (g, name, x, w, { strides = [1, 1, 1, 1], padding = 'SAME', dilations = [1, 1, 1, 1] } = {}) =>
  g.op(name, 'Conv2D', [x, w], { strides: A.ints(strides), padding: A.s(padding), dilations: A.ints(dilations),
    data_format: A.s('NHWC'), explicit_paddings: A.ints([]) });

export function cases() {
  const all = [];
  let g;

  g = new Graph('conv');
  g.input('x', [1, 7, 9, 3]);
  conv(g, 'c1', 'x', g.random('w1', [3, 3, 3, 4], 0.5), { strides: [1, 2, 2, 1] });
  g.op('c1b', 'BiasAdd', ['c1', g.random('b1', [4])], { data_format: A.s('NHWC') });
  g.op('r1', 'Relu6', ['c1b']);
  conv(g, 'dilated', 'r1', g.random('w2', [2, 2, 4, 5], 0.5), { padding: 'VALID', dilations: [1, 2, 2, 1] });
  g.op('prelu', '_FusedConv2D', ['r1', g.random('w3', [1, 1, 4, 6], 0.5), g.random('b3', [6]), g.random('a3', [6], 0.3)], {
    strides: A.ints([1, 1, 1, 1]), padding: A.s('VALID'), dilations: A.ints([1, 1, 1, 1]), data_format: A.s('NHWC'),
    fused_ops: A.strs(['BiasAdd', 'Prelu']), num_args: A.i(2), epsilon: A.f(0) });
  g.op('leaky', '_FusedConv2D', ['x', g.random('w4', [3, 3, 3, 2], 0.5), g.random('b4', [2])], {
    strides: A.ints([1, 1, 1, 1]), padding: A.s('SAME'), dilations: A.ints([1, 1, 1, 1]), data_format: A.s('NHWC'),
    fused_ops: A.strs(['BiasAdd', 'LeakyRelu']), num_args: A.i(1), epsilon: A.f(0), leakyrelu_alpha: A.f(0.3) });
  g.op('relu6fused', '_FusedConv2D', ['x', g.random('w5', [2, 2, 3, 2], 0.8), g.random('b5', [2])], {
    strides: A.ints([1, 2, 2, 1]), padding: A.s('SAME'), dilations: A.ints([1, 1, 1, 1]), data_format: A.s('NHWC'),
    fused_ops: A.strs(['BiasAdd', 'Relu6']), num_args: A.i(1), epsilon: A.f(0) });
  g.output('r1', 'dilated', 'prelu', 'leaky', 'relu6fused');
  all.push(g);

  g = new Graph('depthwise');
  g.input('x', [1, 8, 7, 4]);
  g.op('d1', 'DepthwiseConv2dNative', ['x', g.random('wd', [3, 3, 4, 2], 0.5)], {
    strides: A.ints([1, 2, 2, 1]), padding: A.s('SAME'), dilations: A.ints([1, 1, 1, 1]), data_format: A.s('NHWC') });
  g.op('d2', 'FusedDepthwiseConv2dNative', ['x', g.random('wd2', [3, 3, 4, 1], 0.5), g.random('bd2', [4])], {
    strides: A.ints([1, 1, 1, 1]), padding: A.s('SAME'), dilations: A.ints([1, 2, 2, 1]), data_format: A.s('NHWC'),
    fused_ops: A.strs(['BiasAdd', 'Relu']), num_args: A.i(1) });
  g.output('d1', 'd2');
  all.push(g);

  g = new Graph('pools');
  g.input('x', [1, 7, 6, 3]);
  const pool = (name, op, k, s, padding) => g.op(name, op, ['x'], {
    ksize: A.ints([1, k, k, 1]), strides: A.ints([1, s, s, 1]), padding: A.s(padding), data_format: A.s('NHWC') });
  pool('max_same', 'MaxPool', 3, 2, 'SAME');
  pool('avg_same', 'AvgPool', 2, 2, 'SAME');
  pool('avg_odd', 'AvgPool', 3, 2, 'SAME');
  pool('avg_valid', 'AvgPool', 3, 1, 'VALID');
  g.output('max_same', 'avg_same', 'avg_odd', 'avg_valid');
  all.push(g);

  g = new Graph('resize');
  g.input('x', [1, 5, 7, 2]);
  g.ints('up', [9, 4]);
  g.ints('down', [3, 11]);
  for (const [op, short] of [['ResizeBilinear', 'bilinear'], ['ResizeNearestNeighbor', 'nearest']]) {
    for (const [size, flags] of [['up', [false, false]], ['up', [true, false]], ['down', [false, true]], ['up', [false, true]]]) {
      const name = `${short}_${size}_${flags[0] ? 'corners' : flags[1] ? 'half' : 'asym'}`;
      g.op(name, op, ['x', size], { align_corners: A.b(flags[0]), half_pixel_centers: A.b(flags[1]) });
      g.output(name);
    }
  }
  all.push(g);

  g = new Graph('slices');
  g.input('x', [2, 5, 6, 3]);
  conv(g, 'cx', 'x', g.random('w', [1, 1, 3, 3]), { padding: 'VALID' }); // held NCHW: slices map their axes
  const ss = (name, x, begin, end, strides, m) => {
    g.op(name, 'StridedSlice', [x, g.ints(name + '/b', begin), g.ints(name + '/e', end), g.ints(name + '/s', strides)], {
      begin_mask: A.i(m.begin || 0), end_mask: A.i(m.end || 0), ellipsis_mask: A.i(m.ellipsis || 0),
      new_axis_mask: A.i(m.newAxis || 0), shrink_axis_mask: A.i(m.shrink || 0), Index: A.type('DT_INT32') });
    g.output(name);
  };
  ss('steps', 'cx', [0, 1, 0], [0, 4, 0], [1, 1, 2], { begin: 5, end: 5 });
  ss('last_channel', 'cx', [0, -1], [0, 0], [1, 1], { ellipsis: 1, shrink: 2 });
  // (tfjs 4.22 mis-indexes a shrunk axis followed by a reversed one, so that pair is not combined)
  ss('newaxis_reversed', 'cx', [0, 0, 0], [0, 0, 0], [1, 1, -1], { newAxis: 2, begin: 5, end: 5 });
  ss('shrink_first', 'cx', [1, 2], [2, 4], [1, 1], { shrink: 1 });
  ss('negative_bounds', 'cx', [0, -2, -1, 0], [0, -5, -7, 2], [1, -1, -2, 1], { begin: 1, end: 1 });
  ss('channels_of_input', 'x', [0, 0, 0, 1], [0, 0, 0, 3], [1, 1, 1, 1], { begin: 7, end: 7 });
  g.op('sliced', 'Slice', ['cx', g.ints('sb', [0, 1, 2, 0]), g.ints('sz', [-1, 3, -1, 2])], { Index: A.type('DT_INT32') });
  g.op('reversed', 'ReverseV2', ['cx', g.ints('raxis', [2])], { Tidx: A.type('DT_INT32') });
  g.output('sliced', 'reversed');
  all.push(g);

  g = new Graph('arithmetic');
  g.input('xi', [2, 6], { dtype: 'int32', lo: -10, hi: 10 });
  g.input('y', [2, 6]);
  const divisors = g.ints('divisors', [3, -4, 3, -4, 5, -2]);
  g.op('floordiv_int', 'FloorDiv', ['xi', divisors], {}, 'DT_INT32');
  g.op('floormod_int', 'FloorMod', ['xi', divisors], {}, 'DT_INT32');
  g.op('div_int', 'Div', ['xi', divisors], {}, 'DT_INT32');
  g.op('xf', 'Cast', ['xi'], { SrcT: A.type('DT_INT32'), DstT: A.type('DT_FLOAT'), Truncate: A.b(false) }, null);
  g.op('halves', 'Mul', ['xf', g.constant('half', [], [0.5])]);
  g.op('rounded', 'Round', ['halves']);
  const fdiv = g.constant('fdivisors', [6], [2.5, -1.5, 3, -4, 0.75, -2]);
  g.op('floordiv_float', 'FloorDiv', ['halves', fdiv]);
  g.op('floormod_float', 'FloorMod', ['halves', fdiv]);
  g.op('pow', 'Pow', ['y', g.constant('two', [], [2])]);
  g.op('maximum', 'Maximum', ['y', 'halves']);
  g.op('minimum', 'Minimum', ['y', g.constant('m', [6], g.rand(6, 1))]);
  g.op('sqdiff', 'SquaredDifference', ['y', 'halves']);
  g.op('realdiv', 'RealDiv', ['y', fdiv]);
  g.op('sub', 'Sub', ['halves', 'y']);
  g.op('positive', 'Greater', ['y', g.constant('zero', [], [0])]);
  g.op('neg', 'Neg', ['y']);
  g.op('select', 'SelectV2', ['positive', 'y', 'neg']);
  g.op('equal', 'Equal', ['floormod_int', g.ints('izero', [0], [])], {}, 'DT_INT32');
  g.op('both', 'LogicalAnd', ['equal', 'positive'], {}, null);
  g.op('sum3', 'AddN', ['y', 'halves', 'sub'], { N: A.i(3) });
  g.op('divnonan', 'DivNoNan', ['y', 'xf']);
  g.op('sign', 'Sign', ['xf']);
  g.output('floordiv_int', 'floormod_int', 'div_int', 'rounded', 'floordiv_float', 'floormod_float', 'pow', 'maximum',
    'minimum', 'sqdiff', 'realdiv', 'select', 'both', 'sum3', 'divnonan', 'sign');
  all.push(g);

  g = new Graph('unary');
  g.input('x', [2, 3, 5], { lo: -2, hi: 2 });
  g.op('abs', 'Abs', ['x']);
  g.op('absp', 'AddV2', ['abs', g.constant('tenth', [], [0.1])]);
  for (const op of ['Elu', 'Selu', 'Softplus', 'Sigmoid', 'Tanh', 'Square', 'Exp', 'Floor', 'Ceil', 'Erf', 'Relu', 'Expm1']) {
    g.op(op.toLowerCase(), op, ['x']);
    g.output(op.toLowerCase());
  }
  for (const op of ['Rsqrt', 'Log', 'Sqrt', 'Reciprocal', 'Log1p']) {
    g.op(op.toLowerCase(), op, ['absp']);
    g.output(op.toLowerCase());
  }
  g.op('leakyrelu', 'LeakyRelu', ['x'], { alpha: A.f(0.2) });
  g.op('relu6', 'Relu6', ['x']);
  g.op('clip', 'ClipByValue', ['x', g.constant('lo', [], [-0.3]), g.constant('hi', [], [0.4])]);
  g.op('prelu_op', 'Prelu', ['x', g.constant('slope', [5], g.rand(5, 0.5))]);
  g.output('leakyrelu', 'relu6', 'clip', 'prelu_op');
  all.push(g);

  g = new Graph('reduce');
  g.input('x', [2, 4, 5, 3]);
  conv(g, 'cx', 'x', g.random('w', [1, 1, 3, 3]), { padding: 'VALID' });
  const red = (name, op, axes, keep) => {
    g.op(name, op, ['cx', g.ints(name + '/axes', axes)], { keep_dims: A.b(keep), Tidx: A.type('DT_INT32') });
    g.output(name);
  };
  red('mean_hw', 'Mean', [1, 2], false);
  red('sum_c', 'Sum', [-1], true);
  red('max_nc', 'Max', [0, 3], false);
  red('min_w', 'Min', [2], false);
  red('prod_h', 'Prod', [1], true);
  g.op('argmax_c', 'ArgMax', ['cx', g.ints('am', [3], [])], { output_type: A.type('DT_INT32'), Tidx: A.type('DT_INT32') });
  g.op('argmin_h', 'ArgMin', ['cx', g.ints('an', [1], [])], { output_type: A.type('DT_INT32'), Tidx: A.type('DT_INT32') });
  g.op('max_nhw', 'Max', ['cx', g.ints('nhw', [0, 1, 2])], { keep_dims: A.b(false), Tidx: A.type('DT_INT32') });
  g.op('scaled', 'Mul', ['cx', 'max_nhw']); // a computed lower-rank operand against an NCHW-held one
  g.output('scaled');
  g.op('softmax', 'Softmax', ['cx']);
  g.op('logsoftmax', 'LogSoftmax', ['cx']);
  g.output('argmax_c', 'argmin_h', 'softmax', 'logsoftmax');
  all.push(g);

  g = new Graph('pad_concat');
  g.input('x', [1, 4, 5, 2]);
  conv(g, 'cx', 'x', g.random('w', [1, 1, 2, 2]), { padding: 'VALID' });
  g.op('pad', 'Pad', ['cx', g.ints('p1', [0, 0, 1, 2, 0, 1, 0, 0], [4, 2])], { Tpaddings: A.type('DT_INT32') });
  g.op('mirror', 'MirrorPad', ['cx', g.ints('p2', [0, 0, 1, 1, 2, 2, 0, 0], [4, 2])], { mode: A.s('REFLECT'), Tpaddings: A.type('DT_INT32') });
  g.op('padv2', 'PadV2', ['x', g.ints('p3', [0, 0, 0, 0, 1, 1, 0, 1], [4, 2]), g.constant('fill', [], [0.5])], { Tpaddings: A.type('DT_INT32') });
  g.op('rcx', 'Relu', ['cx']);
  g.op('cat', 'ConcatV2', ['cx', 'rcx', g.ints('axis', [3], [])], { N: A.i(2), Tidx: A.type('DT_INT32') });
  g.op('mixed', 'ConcatV2', ['x', 'cx', g.ints('axis2', [-1], [])], { N: A.i(2), Tidx: A.type('DT_INT32') });
  g.op('flat', 'Reshape', ['cat', g.ints('shape', [1, -1])], { Tshape: A.type('DT_INT32') });
  g.op('bias', 'BiasAdd', ['mixed', g.random('bias4', [4])], { data_format: A.s('NHWC') });
  g.output('pad', 'mirror', 'padv2', 'flat', 'bias');
  all.push(g);

  g = new Graph('matmul');
  g.input('a', [3, 4]);
  g.input('x3', [2, 4, 3]);
  g.op('mm', 'MatMul', ['a', g.random('b', [5, 4])], { transpose_a: A.b(false), transpose_b: A.b(true) });
  g.op('fused', '_FusedMatMul', ['a', g.random('c', [4, 6]), g.random('cb', [6])], {
    transpose_a: A.b(false), transpose_b: A.b(false), fused_ops: A.strs(['BiasAdd', 'Relu']), num_args: A.i(1), epsilon: A.f(0) });
  g.op('batched', 'BatchMatMulV2', ['x3', g.random('y', [2, 4, 5])], { adj_x: A.b(true), adj_y: A.b(false) });
  g.output('mm', 'fused', 'batched');
  all.push(g);

  g = new Graph('shapes');
  g.input('x', [2, 3, 4], { batch: -1 });
  g.op('packed', 'Pack', ['x', 'x'], { axis: A.i(1), N: A.i(2) });
  g.op('unpacked', 'Unpack', ['x'], { axis: A.i(1), num: A.i(3) });
  g.op('split', 'Split', [g.ints('sd', [2], []), 'x'], { num_split: A.i(2) });
  g.op('splitv', 'SplitV', ['x', g.ints('sizes', [1, -1]), g.ints('svd', [1], [])], { num_split: A.i(2), Tlen: A.type('DT_INT32') });
  g.op('expanded', 'ExpandDims', ['x', g.ints('ed', [-1], [])], { Tdim: A.type('DT_INT32') });
  g.op('squeezed', 'Squeeze', ['expanded'], { squeeze_dims: A.ints([3]) });
  g.op('transposed', 'Transpose', ['x', g.ints('perm', [2, 0, 1])], { Tperm: A.type('DT_INT32') });
  g.op('gathered', 'GatherV2', ['x', g.ints('gi', [2, 0]), g.ints('ga', [2], [])], { batch_dims: A.i(0), Tparams: A.type('DT_FLOAT'), Tindices: A.type('DT_INT32'), Taxis: A.type('DT_INT32') }, null);
  g.op('gathernd', 'GatherNd', ['x', g.ints('gnd', [1, 2, 0, 0], [2, 2])], { Tparams: A.type('DT_FLOAT'), Tindices: A.type('DT_INT32') }, null);
  g.op('topk', 'TopKV2', ['x', g.ints('k', [2], [])], { sorted: A.b(true) });
  g.op('tiled', 'Tile', ['x', g.ints('mult', [1, 2, 1])], { Tmultiples: A.type('DT_INT32') });
  g.op('shape', 'Shape', ['x'], { out_type: A.type('DT_INT32') });
  g.op('n', 'StridedSlice', ['shape', g.ints('nb', [0]), g.ints('ne', [1]), g.ints('ns', [1])], {
    begin_mask: A.i(0), end_mask: A.i(0), ellipsis_mask: A.i(0), new_axis_mask: A.i(0), shrink_axis_mask: A.i(1), Index: A.type('DT_INT32') }, 'DT_INT32');
  g.op('newshape', 'Pack', ['n', g.ints('twelve', [12], [])], { axis: A.i(0), N: A.i(2) }, 'DT_INT32');
  g.op('reshaped', 'Reshape', ['x', 'newshape'], { Tshape: A.type('DT_INT32') });
  g.op('filled', 'Fill', [g.ints('dims', [2, 2]), g.constant('v', [], [1.5])], { index_type: A.type('DT_INT32') });
  g.op('ranged', 'Range', [g.ints('r0', [0], []), g.ints('r1', [5], []), g.ints('r2', [2], [])], { Tidx: A.type('DT_INT32') }, null);
  g.op('zeros', 'ZerosLike', ['x']);
  g.op('broadcast', 'BroadcastTo', [g.random('row', [4]), 'shape'], { Tidx: A.type('DT_INT32') });
  g.op('plus', 'AddV2', ['broadcast', 'zeros']);
  g.output('packed', 'unpacked', 'unpacked:1', 'unpacked:2', 'split', 'split:1', 'splitv', 'splitv:1', 'squeezed', 'transposed',
    'gathered', 'gathernd', 'topk', 'topk:1', 'tiled', 'shape', 'reshaped', 'filled', 'ranged', 'plus');
  all.push(g);

  g = new Graph('batchnorm');
  g.input('x', [1, 4, 4, 3]);
  conv(g, 'cx', 'x', g.random('w', [3, 3, 3, 3], 0.5));
  g.op('bn', 'FusedBatchNormV3', ['cx', g.random('scale', [3]), g.random('offset', [3]), g.random('mean', [3]),
    g.constant('var', [3], [0.5, 1, 2])], { epsilon: A.f(0.001), data_format: A.s('NHWC'), is_training: A.b(false), U: A.type('DT_FLOAT') });
  g.op('out', 'Relu', ['bn']);
  g.output('out');
  all.push(g);

  g = new Graph('nms');
  g.input('scores', [6], { lo: 0, hi: 1 });
  const boxes = g.constant('boxes', [6, 4], [0, 0, 1, 1, 0, 0.1, 1, 1.1, 0.5, 0.5, 1, 1, 0, 0, 0.5, 0.5, 0.02, 0, 1.02, 1, 0.6, 0.6, 1, 1]);
  const common = [boxes, 'scores', g.ints('maxout', [4], []), g.constant('iou', [], [0.5]), g.constant('minscore', [], [0.2])];
  g.op('v3', 'NonMaxSuppressionV3', common, {}, null);
  g.op('v5', 'NonMaxSuppressionV5', [...common, g.constant('sigma', [], [0])], { pad_to_max_output_size: A.b(false) }, null);
  g.output('v3', 'v5', 'v5:1'); // tfjs returns no valid_outputs for V5
  all.push(g);

  g = new Graph('quantized');
  g.input('x', [1, 3, 3, 2]);
  const raw = [0, 51, 102, 153, 204, 255];
  g.constant('qfilter', [1, 1, 2, 3], null, { q: { dtype: 'uint8', min: -1, scale: 2 / 255, raw } });
  g.constant('hbias', [3], [0.5, -0.25, 0.0009765625], { q: { dtype: 'float16' } });
  g.constant('wide', [3], null, { q: { dtype: 'uint16', min: -0.5, scale: 1 / 65535, raw: [0, 32768, 65535] } });
  g.constant('qshape', [2], null, { dtype: 'int32', q: { dtype: 'uint8', min: -1, scale: 1, raw: [2, 0] } });
  conv(g, 'c', 'x', 'qfilter', { padding: 'VALID' });
  g.op('cb', 'BiasAdd', ['c', 'hbias'], { data_format: A.s('NHWC') });
  g.op('cw', 'AddV2', ['cb', 'wide']);
  g.op('flat', 'Reshape', ['cw', 'qshape'], { Tshape: A.type('DT_INT32') });
  g.output('flat');
  all.push(g);

  g = new Graph('upsample');
  g.input('x', [1, 3, 4, 2]);
  g.input('deep', [1, 2, 3, 8]);
  const wt = g.random('wt', [3, 3, 3, 2], 0.5);
  const tconv = (name, sizes, padding) => {
    g.op(name, 'Conv2DBackpropInput', [g.ints(name + '/sizes', sizes), wt, 'x'], {
      strides: A.ints([1, 2, 2, 1]), padding: A.s(padding), dilations: A.ints([1, 1, 1, 1]), data_format: A.s('NHWC'),
      explicit_paddings: A.ints([]) });
    g.output(name);
  };
  tconv('tconv_same', [1, 6, 8, 3], 'SAME');
  tconv('tconv_same_odd', [1, 5, 7, 3], 'SAME');
  tconv('tconv_valid', [1, 7, 9, 3], 'VALID');
  g.op('d2s', 'DepthToSpace', ['deep'], { block_size: A.i(2), data_format: A.s('NHWC') });
  g.output('d2s');
  all.push(g);

  return all;
}
