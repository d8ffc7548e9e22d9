using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.ModelBuilder;

/// <summary>
/// One-operator models of the operators that recent exporters write, with fixed shapes: each is costed by the static
/// engine in the cost tests and run by ONNX Runtime's CPU provider in the runtime tests, which check that the engine's
/// inferred output shapes are the ones ONNX Runtime produces. Outputs declare no shape: only the engine's rules give one.
/// </summary>
public static class OperatorFixtures
{
    private const string Contrib = "com.microsoft";

    /// <summary>Every fixture by name.</summary>
    public static IReadOnlyDictionary<string, Func<ModelBuilder>> All { get; } = new Dictionary<string, Func<ModelBuilder>>(StringComparer.Ordinal)
    {
        ["Attention-3d-gqa-past"] = () => OnnxAttention(fourD: false),
        ["Attention-4d-mask"] = () => OnnxAttention(fourD: true),
        ["QLinearAdd"] = () => QLinearBinary("QLinearAdd"),
        ["QLinearMul"] = () => QLinearBinary("QLinearMul"),
        ["QLinearSigmoid"] = () => QLinearUnary("QLinearSigmoid"),
        ["QLinearLeakyRelu"] = () => QLinearUnary("QLinearLeakyRelu", ("alpha", 0.1f)),
        ["QLinearSoftmax"] = () => QLinearUnary("QLinearSoftmax", ("axis", -1L), ("opset", 13L)),
        ["QLinearGlobalAveragePool"] = () => QLinearUnary("QLinearGlobalAveragePool", ("channels_last", 0L)),
        ["QLinearGlobalAveragePool-nhwc"] = () => QLinearUnary("QLinearGlobalAveragePool", ("channels_last", 1L)),
        ["QLinearAveragePool"] = () => QLinearUnary("QLinearAveragePool", ("kernel_shape", new long[] { 3, 3 }), ("strides", new long[] { 2, 2 }), ("pads", new long[] { 1, 1, 1, 1 })),
        ["QLinearConcat"] = QLinearConcat,
        ["QLinearWhere"] = QLinearWhere,
        ["FusedGemm"] = FusedGemm,
        ["TransposeMatMul"] = TransposeMatMul,
        ["MatMulBnb4"] = MatMulBnb4,
        ["NhwcMaxPool"] = NhwcMaxPool,
        ["QuantizeLinear-contrib-int16"] = ContribQdq,
        ["QLinearConv-contrib-nhwc"] = ContribQLinearConv,
        ["MRotaryEmbedding"] = MRotaryEmbedding,
        ["GridSample-4d"] = () => GridSample(opset: 16, 1L, 3, 8, 8),
        ["GridSample-5d"] = () => GridSample(opset: 20, 1L, 2, 4, 6, 6),
        ["GridSample-contrib"] = () => GridSample(opset: 0, 1L, 3, 8, 8),
        ["RMSNormalization"] = RmsNormalization,
        ["Swish"] = Swish,
        ["TensorScatter"] = TensorScatter,
        ["RoiAlign"] = RoiAlign,
        ["NonMaxSuppression-no-maximum"] = NonMaxSuppression,
        ["MaxUnpool"] = MaxUnpool,
        ["ReverseSequence"] = ReverseSequence,
        ["AffineGrid"] = AffineGrid,
        ["DFT-onesided"] = DftOnesided,
        ["DFT-20-axis-input"] = DftAxisInput,
        ["STFT-hann"] = StftHann,
        ["MelWeightMatrix"] = MelWeightMatrix,
        ["Col2Im"] = Col2Im,
        ["CenterCropPad"] = CenterCropPad,
        ["Bernoulli"] = Bernoulli,
        ["RandomNormalLike"] = RandomNormalLike,
        ["DeformConv"] = DeformConv,
    };

    /// <summary>The input every QLinear fixture quantizes: (N, C, H, W) = (2, 8, 6, 6), uint8.</summary>
    public static readonly long[] QuantizedShape = { 2, 8, 6, 6 };

    /// <summary>
    /// ONNX Attention (opset 23): 3D grouped-query (4 query heads, 2 key/value heads of 8, 3 new tokens after a past of
    /// 5, batch 2), or 4D with a float mask (batch 2, 4 heads, 3 queries over 7 keys, value heads of 16).
    /// </summary>
    public static ModelBuilder OnnxAttention(bool fourD)
    {
        var b = new ModelBuilder("attention", opset: 23);
        if (fourD)
        {
            var q = b.Input("q", ElementType.Float, 2, 4, 3, 8);
            var k = b.Input("k", ElementType.Float, 2, 4, 7, 8);
            var v = b.Input("v", ElementType.Float, 2, 4, 7, 16);
            var mask = b.Input("mask", ElementType.Float, 2, 4, 3, 7);
            b.Node("Attention", new[] { q, k, v, mask }, new[] { "y" });
            b.Output("y", ElementType.Float, null);
            return b;
        }

        var query = b.Input("q", ElementType.Float, 2, 3, 32);
        var key = b.Input("k", ElementType.Float, 2, 3, 16);
        var value = b.Input("v", ElementType.Float, 2, 3, 16);
        var pastKey = b.Input("past_key", ElementType.Float, 2, 2, 5, 8);
        var pastValue = b.Input("past_value", ElementType.Float, 2, 2, 5, 8);
        b.Node("Attention", new[] { query, key, value, "", pastKey, pastValue }, new[] { "y", "present_key", "present_value" },
            ("q_num_heads", 4L), ("kv_num_heads", 2L), ("is_causal", 1L));
        b.Output("y", ElementType.Float, null);
        b.Output("present_key", ElementType.Float, null);
        b.Output("present_value", ElementType.Float, null);
        return b;
    }

    private static ModelBuilder Quantized(string name) => new ModelBuilder(name, opset: 13).Opset(Contrib, 1);

    private static (string Scale, string ZeroPoint) Quantization(ModelBuilder b, string name) =>
        (b.Floats($"{name}_scale", Array.Empty<long>(), new[] { 0.05f }), b.Initializer($"{name}_zero_point", ElementType.UInt8, Array.Empty<long>()));

    private static ModelBuilder QLinearBinary(string opType)
    {
        var b = Quantized(opType);
        var a = b.Input("a", ElementType.UInt8, QuantizedShape.Cast<object>().ToArray());
        var c = b.Input("c", ElementType.UInt8, 1, QuantizedShape[1], 1, 1);
        var (aScale, aZero) = Quantization(b, "a");
        var (cScale, cZero) = Quantization(b, "c");
        var (yScale, yZero) = Quantization(b, "y");
        b.NodeIn(Contrib, opType, new[] { a, aScale, aZero, c, cScale, cZero, yScale, yZero }, new[] { "y" });
        b.Output("y", ElementType.UInt8);
        return b;
    }

    private static ModelBuilder QLinearUnary(string opType, params (string Name, object Value)[] attributes)
    {
        var b = Quantized(opType);
        var channelsLast = attributes.Any(a => a is ("channels_last", 1L));
        var dims = channelsLast ? new[] { QuantizedShape[0], QuantizedShape[2], QuantizedShape[3], QuantizedShape[1] } : QuantizedShape;
        var x = b.Input("x", ElementType.UInt8, dims.Cast<object>().ToArray());
        var (xScale, xZero) = Quantization(b, "x");
        var (yScale, yZero) = Quantization(b, "y");
        b.NodeIn(Contrib, opType, new[] { x, xScale, xZero, yScale, yZero }, new[] { "y" }, attributes);
        b.Output("y", ElementType.UInt8);
        return b;
    }

    private static ModelBuilder QLinearConcat()
    {
        var b = Quantized("QLinearConcat");
        var (yScale, yZero) = Quantization(b, "y");
        var inputs = new List<string> { yScale, yZero };
        foreach (var (name, channels) in new[] { ("a", 8L), ("c", 4L) })
        {
            var x = b.Input(name, ElementType.UInt8, 2, channels, 6, 6);
            var (scale, zero) = Quantization(b, name);
            inputs.AddRange(new[] { x, scale, zero });
        }

        b.NodeIn(Contrib, "QLinearConcat", inputs.ToArray(), new[] { "y" }, ("axis", 1L));
        b.Output("y", ElementType.UInt8);
        return b;
    }

    private static ModelBuilder QLinearWhere()
    {
        var b = Quantized("QLinearWhere");
        var condition = b.Input("condition", ElementType.Bool, 1, 1, 6, 6);
        var x = b.Input("x", ElementType.UInt8, QuantizedShape.Cast<object>().ToArray());
        var y = b.Input("y_in", ElementType.UInt8, 1, QuantizedShape[1], 1, 1);
        var (xScale, xZero) = Quantization(b, "x");
        var (yScale, yZero) = Quantization(b, "y_in");
        var (zScale, zZero) = Quantization(b, "z");
        b.NodeIn(Contrib, "QLinearWhere", new[] { condition, x, xScale, xZero, y, yScale, yZero, zScale, zZero }, new[] { "y" });
        b.Output("y", ElementType.UInt8);
        return b;
    }

    /// <summary>com.microsoft FusedGemm: (4, 16) times the transposed (8, 16) weights, plus a bias, then LeakyRelu.</summary>
    private static ModelBuilder FusedGemm()
    {
        var b = new ModelBuilder("FusedGemm", opset: 13).Opset(Contrib, 1);
        var x = b.Input("x", ElementType.Float, 4, 16);
        b.NodeIn(Contrib, "FusedGemm", new[] { x, b.Weight("w", 8, 16), b.Weight("bias", 8) }, new[] { "y" },
            ("transB", 1L), ("activation", "LeakyRelu"), ("activation_alpha", 0.1f));
        b.Output("y", ElementType.Float);
        return b;
    }

    /// <summary>com.microsoft TransposeMatMul (FusedMatMul's older name): (2, 16, 3) transposed times (2, 16, 5).</summary>
    private static ModelBuilder TransposeMatMul()
    {
        var b = new ModelBuilder("TransposeMatMul", opset: 13).Opset(Contrib, 1);
        var x = b.Input("x", ElementType.Float, 2, 16, 3);
        b.NodeIn(Contrib, "TransposeMatMul", new[] { x, b.Input("w", ElementType.Float, 2, 16, 5) }, new[] { "y" }, ("transA", 1L));
        b.Output("y", ElementType.Float);
        return b;
    }

    /// <summary>com.microsoft MatMulBnb4: (2, 3, 64) times a 64 × 32 NF4 weight in blocks of 64.</summary>
    private static ModelBuilder MatMulBnb4()
    {
        const long k = 64, n = 32;
        var b = new ModelBuilder("MatMulBnb4", opset: 13).Opset(Contrib, 1);
        var a = b.Input("a", ElementType.Float, 2, 3, k);
        b.NodeIn(Contrib, "MatMulBnb4", new[] { a, b.Initializer("b", ElementType.UInt8, new[] { n * k / 2 }), b.Weight("absmax", n * k / 64) }, new[] { "y" },
            ("K", k), ("N", n), ("block_size", 64L), ("quant_type", 1L));
        b.Output("y", ElementType.Float);
        return b;
    }

    /// <summary>com.microsoft NhwcMaxPool (uint8, channels last): (2, 6, 6, 8), a 3×3 window at stride 2 with a pad of 1.</summary>
    private static ModelBuilder NhwcMaxPool()
    {
        var b = Quantized("NhwcMaxPool");
        var x = b.Input("x", ElementType.UInt8, QuantizedShape[0], QuantizedShape[2], QuantizedShape[3], QuantizedShape[1]);
        b.NodeIn(Contrib, "NhwcMaxPool", new[] { x }, new[] { "y" },
            ("kernel_shape", new long[] { 3, 3 }), ("strides", new long[] { 2, 2 }), ("pads", new long[] { 1, 1, 1, 1 }));
        b.Output("y", ElementType.UInt8);
        return b;
    }

    /// <summary>
    /// GridSample of X with the given shape at a 2 × 3 grid of locations (2 × 3 × 4 for a volume): ONNX's at
    /// <paramref name="opset"/>, or ONNX Runtime's contrib operator when it is 0.
    /// </summary>
    private static ModelBuilder GridSample(long opset, params long[] x)
    {
        var b = new ModelBuilder("GridSample", opset: opset == 0 ? 17 : opset);
        var spatial = x.Length - 2;
        var locations = spatial == 2 ? new long[] { 2, 3 } : new long[] { 2, 3, 4 };
        var grid = new[] { x[0] }.Concat(locations).Append(spatial).Cast<object>().ToArray();
        var inputs = new[] { b.Input("x", ElementType.Float, x.Cast<object>().ToArray()), b.Input("grid", ElementType.Float, grid) };
        if (opset == 0)
        {
            b.Opset(Contrib, 1).NodeIn(Contrib, "GridSample", inputs, new[] { "y" });
        }
        else
        {
            b.Node("GridSample", inputs, new[] { "y" });
        }

        b.Output("y", ElementType.Float, null);
        return b;
    }

    /// <summary>com.microsoft QuantizeLinear then DequantizeLinear of (2, 8, 6, 6) floats through int16, per tensor.</summary>
    private static ModelBuilder ContribQdq()
    {
        var b = Quantized("ContribQdq");
        var x = b.Input("x", ElementType.Float, QuantizedShape.Cast<object>().ToArray());
        var scale = b.Floats("scale", Array.Empty<long>(), new[] { 0.05f });
        var zero = b.Initializer("zero_point", ElementType.Int16, Array.Empty<long>());
        b.NodeIn(Contrib, "QuantizeLinear", new[] { x, scale, zero }, new[] { "q" });
        b.NodeIn(Contrib, "DequantizeLinear", new[] { "q", scale, zero }, new[] { "y" });
        b.Output("q", ElementType.Int16);
        b.Output("y", ElementType.Float);
        return b;
    }

    /// <summary>com.microsoft QLinearConv with channels_last: (2, 6, 6, 8) uint8, a (4, 8, 3, 3) weight at stride 2, pad 1.</summary>
    private static ModelBuilder ContribQLinearConv()
    {
        var b = Quantized("ContribQLinearConv");
        var x = b.Input("x", ElementType.UInt8, QuantizedShape[0], QuantizedShape[2], QuantizedShape[3], QuantizedShape[1]);
        var (xScale, xZero) = Quantization(b, "x");
        var (wScale, wZero) = Quantization(b, "w");
        var (yScale, yZero) = Quantization(b, "y");
        var w = b.Initializer("w", ElementType.UInt8, new[] { 4L, QuantizedShape[1], 3, 3 });
        b.NodeIn(Contrib, "QLinearConv", new[] { x, xScale, xZero, w, wScale, wZero, yScale, yZero }, new[] { "y" },
            ("channels_last", 1L), ("strides", new long[] { 2, 2 }), ("pads", new long[] { 1, 1, 1, 1 }));
        b.Output("y", ElementType.UInt8);
        return b;
    }

    /// <summary>
    /// com.microsoft MRotaryEmbedding (Qwen2-VL): (1, 5, 128) in 4 heads of 32, 16 of each rotated by sections of
    /// 2, 3 and 3 frequency pairs, positions (3, 1, 5) into caches of 32 positions.
    /// </summary>
    private static ModelBuilder MRotaryEmbedding()
    {
        var b = new ModelBuilder("MRotaryEmbedding", opset: 13).Opset(Contrib, 1);
        var inputs = new[] { b.Input("x", ElementType.Float, 1, 5, 128), b.Input("position_ids", ElementType.Int64, 3, 1, 5), b.Weight("cos", 32, 8), b.Weight("sin", 32, 8) };
        b.NodeIn(Contrib, "MRotaryEmbedding", inputs, new[] { "y" }, ("num_heads", 4L), ("rotary_embedding_dim", 16L), ("mrope_section", new long[] { 2, 3, 3 }));
        b.Output("y", ElementType.Float);
        return b;
    }

    /// <summary>RMSNormalization (opset 23) of (2, 5, 16) over its last two dims, with a (5, 16) scale.</summary>
    private static ModelBuilder RmsNormalization()
    {
        var b = new ModelBuilder("RMSNormalization", opset: 23);
        b.Node("RMSNormalization", new[] { b.Input("x", ElementType.Float, 2, 5, 16), b.Weight("scale", 5, 16) }, new[] { "y" }, ("axis", -2L));
        b.Output("y", ElementType.Float);
        return b;
    }

    /// <summary>Swish (opset 24) of (2, 3, 8) with alpha 1.702.</summary>
    private static ModelBuilder Swish()
    {
        var b = new ModelBuilder("Swish", opset: 24);
        b.Node("Swish", new[] { b.Input("x", ElementType.Float, 2, 3, 8) }, new[] { "y" }, ("alpha", 1.702f));
        b.Output("y", ElementType.Float);
        return b;
    }

    /// <summary>TensorScatter (opset 24): one decoded token (2, 4, 1, 16) written into a (2, 4, 8, 16) cache at per-row indices.</summary>
    private static ModelBuilder TensorScatter()
    {
        var b = new ModelBuilder("TensorScatter", opset: 24);
        var write = b.Int64s("write_indices", new long[] { 2 }, new long[] { 3, 5 });
        var inputs = new[] { b.Input("past", ElementType.Float, 2, 4, 8, 16), b.Input("update", ElementType.Float, 2, 4, 1, 16), write };
        b.Node("TensorScatter", inputs, new[] { "y" });
        b.Output("y", ElementType.Float);
        return b;
    }

    /// <summary>RoiAlign (opset 16, the newest ONNX Runtime runs) of (2, 4, 12, 12) at three regions to (3, 4, 3, 3), two samples a side per bin.</summary>
    private static ModelBuilder RoiAlign()
    {
        var b = new ModelBuilder("RoiAlign", opset: 16);
        var rois = b.Floats("rois", new long[] { 3, 4 }, new[] { 0f, 0f, 6f, 6f, 2f, 3f, 11f, 10f, 1f, 1f, 4f, 8f });
        var batch = b.Int64s("batch_indices", new long[] { 3 }, new long[] { 0, 1, 1 });
        b.Node("RoiAlign", new[] { b.Input("x", ElementType.Float, 2, 4, 12, 12), rois, batch }, new[] { "y" },
            ("output_height", 3L), ("output_width", 3L), ("sampling_ratio", 2L), ("spatial_scale", 0.5f));
        b.Output("y", ElementType.Float);
        return b;
    }

    /// <summary>
    /// NonMaxSuppression (opset 11) of 6 boxes in 2 classes without max_output_boxes_per_class: nothing is selected,
    /// the one case whose output size does not depend on the scores.
    /// </summary>
    private static ModelBuilder NonMaxSuppression()
    {
        var b = new ModelBuilder("NonMaxSuppression", opset: 11);
        b.Node("NonMaxSuppression", new[] { b.Input("boxes", ElementType.Float, 1, 6, 4), b.Input("scores", ElementType.Float, 1, 2, 6) }, new[] { "selected" });
        b.Output("selected", ElementType.Int64);
        return b;
    }

    /// <summary>MaxUnpool (opset 11) of (1, 3, 4, 5) through a 3 × 2 kernel at stride 2, padded 1 at the top: (1, 3, 8, 10).</summary>
    private static ModelBuilder MaxUnpool()
    {
        var b = new ModelBuilder("MaxUnpool", opset: 11);
        var inputs = new[] { b.Input("x", ElementType.Float, 1, 3, 4, 5), b.Input("i", ElementType.Int64, 1, 3, 4, 5) };
        b.Node("MaxUnpool", inputs, new[] { "y" }, ("kernel_shape", new long[] { 3, 2 }), ("strides", new long[] { 2, 2 }), ("pads", new long[] { 1, 0, 0, 0 }));
        b.Output("y", ElementType.Float);
        return b;
    }

    /// <summary>ReverseSequence (opset 10) of (4, 7, 16) batch-major sequences.</summary>
    private static ModelBuilder ReverseSequence()
    {
        var b = new ModelBuilder("ReverseSequence", opset: 10);
        var lengths = b.Int64s("sequence_lens", 7, 5, 1, 3);
        b.Node("ReverseSequence", new[] { b.Input("x", ElementType.Float, 4, 7, 16), lengths }, new[] { "y" }, ("batch_axis", 0L), ("time_axis", 1L));
        b.Output("y", ElementType.Float);
        return b;
    }

    /// <summary>AffineGrid (opset 20) of two (2, 3) thetas for a (2, 3, 5, 7) image: a (2, 5, 7, 2) grid.</summary>
    private static ModelBuilder AffineGrid()
    {
        var b = new ModelBuilder("AffineGrid", opset: 20);
        b.Node("AffineGrid", new[] { b.Input("theta", ElementType.Float, 2, 2, 3), b.Int64s("size", 2, 3, 5, 7) }, new[] { "grid" });
        b.Output("grid", ElementType.Float);
        return b;
    }

    /// <summary>DFT (opset 17) of (2, 10, 16, 1) real signals along axis 2, onesided: (2, 10, 9, 2).</summary>
    private static ModelBuilder DftOnesided()
    {
        var b = new ModelBuilder("DFT", opset: 17);
        b.Node("DFT", new[] { b.Input("x", ElementType.Float, 2, 10, 16, 1) }, new[] { "y" }, ("axis", 2L), ("onesided", 1L));
        b.Output("y", ElementType.Float);
        return b;
    }

    /// <summary>DFT (opset 20) of (3, 6, 5, 2) complex signals along axis 1 (an input), zero-padded to 8: (3, 8, 5, 2).</summary>
    private static ModelBuilder DftAxisInput()
    {
        var b = new ModelBuilder("DFT20", opset: 20);
        var length = b.Int64s("dft_length", Array.Empty<long>(), new long[] { 8 });
        var axis = b.Int64s("axis", Array.Empty<long>(), new long[] { 1 });
        b.Node("DFT", new[] { b.Input("x", ElementType.Float, 3, 6, 5, 2), length, axis }, new[] { "y" });
        b.Output("y", ElementType.Float);
        return b;
    }

    /// <summary>STFT (opset 17) of (2, 1600, 1) audio by a periodic Hann window of 400 every 160 samples: (2, 8, 201, 2).</summary>
    private static ModelBuilder StftHann()
    {
        var b = new ModelBuilder("STFT", opset: 17);
        b.Node("HannWindow", new[] { b.Int64s("window_size", Array.Empty<long>(), new long[] { 400 }) }, new[] { "window" });
        b.Node("STFT", new[] { b.Input("audio", ElementType.Float, 2, 1600, 1), b.Int64s("hop", Array.Empty<long>(), new long[] { 160 }), "window" }, new[] { "spectrum" });
        b.Output("spectrum", ElementType.Float);
        return b;
    }

    /// <summary>MelWeightMatrix (opset 17) of 80 bands for a 400-point transform at 16 kHz: (201, 80), with a signal to apply it to.</summary>
    private static ModelBuilder MelWeightMatrix()
    {
        var b = new ModelBuilder("MelWeightMatrix", opset: 17);
        var scalar = Array.Empty<long>();
        b.Node("MelWeightMatrix", new[]
        {
            b.Int64s("bands", scalar, new long[] { 80 }), b.Int64s("n_fft", scalar, new long[] { 400 }), b.Int64s("rate", scalar, new long[] { 16000 }),
            b.Floats("low", scalar, new[] { 0f }), b.Floats("high", scalar, new[] { 8000f }),
        }, new[] { "mel" });
        b.Node("MatMul", new[] { b.Input("power", ElementType.Float, 3, 201), "mel" }, new[] { "bands_out" });
        b.Output("bands_out", ElementType.Float);
        return b;
    }

    /// <summary>Col2Im (opset 18) of (2, 12, 9) columns of 2 × 2 blocks at stride 2 into 6 × 6 images: (2, 3, 6, 6).</summary>
    private static ModelBuilder Col2Im()
    {
        var b = new ModelBuilder("Col2Im", opset: 18);
        b.Node("Col2Im", new[] { b.Input("x", ElementType.Float, 2, 12, 9), b.Int64s("image", 6, 6), b.Int64s("block", 2, 2) }, new[] { "y" }, ("strides", new long[] { 2, 2 }));
        b.Output("y", ElementType.Float);
        return b;
    }

    /// <summary>CenterCropPad (opset 18) of (3, 20, 10) to 8 × 12 along the last two axes: (3, 8, 12).</summary>
    private static ModelBuilder CenterCropPad()
    {
        var b = new ModelBuilder("CenterCropPad", opset: 18);
        b.Node("CenterCropPad", new[] { b.Input("x", ElementType.Float, 3, 20, 10), b.Int64s("shape", 8, 12) }, new[] { "y" }, ("axes", new long[] { -2, -1 }));
        b.Output("y", ElementType.Float);
        return b;
    }

    /// <summary>Bernoulli (opset 15) draws, as booleans, from (2, 7) probabilities.</summary>
    private static ModelBuilder Bernoulli()
    {
        var b = new ModelBuilder("Bernoulli", opset: 15);
        b.Node("Sigmoid", new[] { b.Input("x", ElementType.Float, 2, 7) }, new[] { "p" });
        b.Node("Bernoulli", new[] { "p" }, new[] { "y" }, ("dtype", 9L));
        b.Output("y", ElementType.Bool);
        return b;
    }

    /// <summary>RandomNormalLike (opset 1) of a (2, 4, 8, 8) latent, as a diffusion sampler draws its noise.</summary>
    private static ModelBuilder RandomNormalLike()
    {
        var b = new ModelBuilder("RandomNormalLike", opset: 13);
        b.Node("RandomNormalLike", new[] { b.Input("latent", ElementType.Float, 2, 4, 8, 8) }, new[] { "noise" });
        b.Output("noise", ElementType.Float);
        return b;
    }

    /// <summary>DeformConv (opset 19) of (1, 4, 9, 9) by 8 filters of 3 × 3 at stride 2, padded 1, with a mask: (1, 8, 5, 5).</summary>
    private static ModelBuilder DeformConv()
    {
        var b = new ModelBuilder("DeformConv", opset: 19);
        var inputs = new[]
        {
            b.Input("x", ElementType.Float, 1, 4, 9, 9), b.Input("w", ElementType.Float, 8, 4, 3, 3), b.Input("offset", ElementType.Float, 1, 18, 5, 5),
            b.Input("b", ElementType.Float, 8), b.Input("mask", ElementType.Float, 1, 9, 5, 5),
        };
        b.Node("DeformConv", inputs, new[] { "y" }, ("strides", new long[] { 2, 2 }), ("pads", new long[] { 1, 1, 1, 1 }));
        b.Output("y", ElementType.Float);
        return b;
    }
}
