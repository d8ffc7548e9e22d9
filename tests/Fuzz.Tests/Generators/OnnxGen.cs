using EfficiencyMisnomer.Onnx.Wire;
using Google.Protobuf;

namespace EfficiencyMisnomer.Fuzz.Tests.Generators;

/// <summary>A dimension: a number, a symbol, or neither.</summary>
internal sealed record DimRecipe(long? Value, string? Symbol);

/// <summary>A graph input or output: name, element type, dims (null: no shape).</summary>
internal sealed record ValueRecipe(string Name, int ElementType, DimRecipe[]? Dims);

/// <summary>A tensor (initializer or attribute value) and how its data is stored.</summary>
internal sealed record TensorRecipe(string Name, int DataType, long[] Dims, int Storage, int PayloadDelta, string Location, string Offset, string Length);

/// <summary>An attribute: name and value of one of the kinds the loader reads.</summary>
internal sealed record AttributeRecipe(string Name, int Kind, long Int, float Float, long[] Ints, string Text, TensorRecipe? Tensor, GraphRecipe? Graph);

/// <summary>A node: operator, inputs as references into the values defined so far, outputs, attributes.</summary>
internal sealed record NodeRecipe(string OpType, string Domain, int[] Inputs, int Outputs, int OutputNaming, AttributeRecipe[] Attributes);

/// <summary>A graph: inputs, initializers, nodes, outputs (references into its values).</summary>
internal sealed record GraphRecipe(ValueRecipe[] Inputs, TensorRecipe[] Initializers, NodeRecipe[] Nodes, int[] Outputs);

/// <summary>A whole model and how it is analysed: opsets, IR version, graph, bindings, sparsity.</summary>
internal sealed record OnnxRecipe(long IrVersion, long Opset, long MicrosoftOpset, GraphRecipe Graph, (string Name, long Value)[] Symbols, bool Sparsity);

/// <summary>
/// Structure-aware ONNX models: graphs of real operators (and a few unknown ones) wired from earlier values, with
/// dims, element types, attributes, subgraphs and tensor storage drawn from valid and extreme values, so that inputs
/// get past the protobuf parser into graph building, shape inference and the cost rules.
/// </summary>
internal static class OnnxGen
{
    private static readonly string[] Operators =
    {
        "Conv", "ConvTranspose", "MatMul", "Gemm", "Einsum", "Add", "Mul", "Sub", "Div", "Relu", "Gelu", "Sigmoid", "Tanh", "Softmax",
        "LayerNormalization", "BatchNormalization", "MaxPool", "AveragePool", "GlobalAveragePool", "Flatten", "Reshape", "Transpose",
        "Concat", "Split", "Slice", "Gather", "Squeeze", "Unsqueeze", "Expand", "Tile", "Pad", "Resize", "Shape", "ConstantOfShape",
        "Constant", "Range", "Cast", "Where", "ReduceMean", "ReduceSum", "TopK", "NonZero", "LSTM", "GRU", "RNN", "Loop", "If", "Scan",
        "QLinearConv", "QLinearMatMul", "MatMulInteger", "DequantizeLinear", "QuantizeLinear", "Identity", "Dropout", "Erf", "Sqrt", "Pow",
        "Attention", "MultiHeadAttention", "SkipLayerNormalization", "FusedMatMul", "CustomOp", "",
    };

    private static readonly string[] AttributeNames =
    {
        "kernel_shape", "pads", "strides", "dilations", "group", "axis", "axes", "perm", "transA", "transB", "alpha", "beta", "epsilon",
        "keepdims", "hidden_size", "direction", "num_heads", "equation", "mode", "auto_pad", "to", "value", "then_branch", "else_branch",
        "body", "split", "batch_dims", "output_padding", "output_shape", "num_scan_inputs", "scan_input_axes", "k", "largest", "ceil_mode",
        "count_include_pad", "allowzero", "unidirectional", "layout", "linear_before_reset",
    };

    private static readonly string[] Texts =
    {
        "", "NOTSET", "SAME_UPPER", "SAME_LOWER", "VALID", "forward", "reverse", "bidirectional", "ij,jk->ik", "bij,bjk->bik", "...ij,...jk",
        "ii->i", "ab,ab->", "a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p->", "linear", "nearest", "constant", "reflect", "->", ",", "ij,jk->ikz",
    };

    /// <summary>Mostly float and int64 as exporters write them, sometimes another real type, rarely one that is not.</summary>
    private static readonly Gen<int> ElementType = Pick.Weighted(
        (30, Gen.OneOf(1, 1, 1, 1, 7, 7, 6, 9, 10, 11, 2, 3, 16, 14)),
        (1, Gen.OneOf(0, 8, 21, 25, 999, -1)));

    public static Gen<DimRecipe> Dim { get; } = Pick.Weighted(
        (10, Gen.Int[1, 8].Select(v => new DimRecipe(v, null))),
        (3, Gen.OneOf("batch", "seq", "N", "", "batch").Select(s => new DimRecipe(null, s))),
        (1, Hostile.Long.Select(v => new DimRecipe(v, null))),
        (1, Gen.Const(new DimRecipe(null, null))));

    public static Gen<ValueRecipe> Value(Gen<string> name) => Gen.Select(
        name, ElementType, Pick.Weighted((8, Dim.Array[0, 5].Select(d => (DimRecipe[]?)d)), (1, Gen.Const((DimRecipe[]?)null))),
        (n, t, d) => new ValueRecipe(n, t, d));

    public static Gen<TensorRecipe> Tensor { get; } = Gen.Select(
        Hostile.Name("w", "bias", "scale", "shape", "w1", "w2", "w3"),
        ElementType,
        Pick.Weighted((14, Gen.Long[1, 6].Array[0, 4]), (1, Hostile.Long.Array[1, 4])),
        Pick.Weighted((24, Gen.Const(0)), (6, Gen.Int[1, 6])),
        Pick.Weighted((24, Gen.Const(0)), (1, Gen.Int[-9, 9])),
        Gen.Select(
            Gen.OneOf("w.bin", "", "../w.bin", "/etc/passwd", "a/../../w.bin", "sub/w.bin", "w\u0000.bin", "C:\\w.bin", ".", "..", "nul"),
            Gen.OneOf("0", "", "-1", "abc", "9223372036854775807", "18446744073709551616", "4096", "1e3"),
            Gen.OneOf("16", "", "-16", "0", "9223372036854775807", "x", "0x10")),
        (name, type, dims, storage, delta, external) => new TensorRecipe(name, type, dims, storage, delta, external.Item1, external.Item2, external.Item3));

    public static Gen<GraphRecipe> Graph(int depth) => Gen.Select(
        Value(Hostile.Name("x", "input", "image", "ids")).Array[0, 3],
        Tensor.Array[0, 4],
        Node(depth).Array[0, depth == 0 ? 10 : 3],
        Gen.Int[-3, 40].Array[0, 3],
        (inputs, initializers, nodes, outputs) => new GraphRecipe(inputs, initializers, nodes, outputs));

    public static Gen<OnnxRecipe> Model { get; } = Gen.Select(
        Pick.Weighted((8, Gen.Const(8L)), (2, Hostile.Long)),
        Pick.Weighted((6, Gen.OneOf(17L, 13L, 11L, 21L)), (2, Gen.OneOf(1L, 7L, 9L, 23L, 99L)), (1, Hostile.Long)),
        Pick.Weighted((6, Gen.Const(0L)), (2, Gen.Const(1L)), (1, Hostile.Long)),
        Graph(0),
        Gen.Select(Gen.OneOf("batch", "seq", "N", "x", ""), Pick.Weighted((4, Gen.Long[0, 4]), (1, Hostile.Long))).Array[0, 3],
        Pick.Weighted((4, Gen.Const(false)), (1, Gen.Const(true))),
        (ir, opset, ms, graph, symbols, sparsity) => new OnnxRecipe(ir, opset, ms, graph, symbols, sparsity));

    private static Gen<NodeRecipe> Node(int depth) => Gen.Select(
        Gen.OneOf(Operators),
        Pick.Weighted((12, Gen.Const("")), (2, Gen.Const("com.microsoft")), (1, Gen.OneOf("ai.onnx", "custom.domain", "ai.onnx.ml"))),
        Gen.Int[-3, 40].Array[0, 6],
        Pick.Weighted((8, Gen.Const(1)), (2, Gen.Int[0, 4])),
        Pick.Weighted((12, Gen.Const(0)), (1, Gen.Int[1, 4])),
        Attribute(depth).Array[0, 5],
        (op, domain, inputs, outputs, naming, attributes) => new NodeRecipe(op, domain, inputs, outputs, naming, attributes));

    private static Gen<AttributeRecipe> Attribute(int depth) => Gen.Select(
        Pick.Weighted((12, Gen.OneOf(AttributeNames)), (1, Hostile.String)),
        AttributeKind(depth),
        Pick.Weighted((6, Gen.Long[-1, 4]), (2, Hostile.Long)),
        Gen.OneOf(Hostile.Floats),
        Pick.Weighted((6, Gen.Long[-1, 4].Array[0, 8]), (2, Hostile.Long.Array[0, 8])),
        Pick.Weighted((6, Gen.OneOf(Texts)), (1, Hostile.String)),
        (name, kind, i, f, ints, text) => (name, kind, i, f, ints, text))
        .SelectMany(a => a.kind switch
        {
            4 => Tensor.Select(t => new AttributeRecipe(a.name, a.kind, a.i, a.f, a.ints, a.text, t, null)),
            5 => Graph(depth + 1).Select(g => new AttributeRecipe(a.name, a.kind, a.i, a.f, a.ints, a.text, null, g)),
            _ => Gen.Const(new AttributeRecipe(a.name, a.kind, a.i, a.f, a.ints, a.text, null, null)),
        });

    /// <summary>0-3: int, ints, float, string; 4 a tensor and 5 a subgraph (not too deep); 6 a type that lies about the value.</summary>
    private static Gen<int> AttributeKind(int depth) => depth switch
    {
        0 => Pick.Weighted((6, Gen.Int[0, 3]), (2, Gen.Const(4)), (1, Gen.Const(5)), (1, Gen.Const(6))),
        1 => Pick.Weighted((6, Gen.Int[0, 3]), (2, Gen.Const(4)), (1, Gen.Const(6))),
        _ => Pick.Weighted((6, Gen.Int[0, 3]), (1, Gen.Const(6))),
    };

    /// <summary>The model's bytes.</summary>
    public static byte[] Render(OnnxRecipe recipe)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        var model = new ModelProto { IrVersion = recipe.IrVersion, ProducerName = "fuzz", Graph = Render(recipe.Graph, "main", new List<string>()) };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = recipe.Opset });
        if (recipe.MicrosoftOpset != 0)
        {
            model.OpsetImport.Add(new OperatorSetIdProto { Domain = "com.microsoft", Version = recipe.MicrosoftOpset });
        }

        return model.ToByteArray();
    }

    /// <summary>A graph; <paramref name="outer"/> holds the values of enclosing graphs, which a subgraph may read.</summary>
    private static GraphProto Render(GraphRecipe recipe, string name, List<string> outer)
    {
        var graph = new GraphProto { Name = name };
        var values = new List<string>(outer);
        foreach (var input in recipe.Inputs)
        {
            graph.Input.Add(RenderValue(input));
            values.Add(input.Name);
        }

        foreach (var tensor in recipe.Initializers)
        {
            graph.Initializer.Add(RenderTensor(tensor));
            values.Add(tensor.Name);
        }

        var index = 0;
        foreach (var node in recipe.Nodes)
        {
            var proto = new NodeProto { OpType = node.OpType, Domain = node.Domain, Name = $"{node.OpType}_{index}" };
            proto.Input.AddRange(node.Inputs.Select(i => Reference(values, i, index)));
            var outputs = Enumerable.Range(0, node.Outputs).Select(k => node.OutputNaming switch
            {
                1 when values.Count > 0 => values[(index + k) % values.Count], // produced twice
                2 => "",
                3 => Hostile.Strings[(index + k) % Hostile.Strings.Length],
                _ => $"n{index}_{k}_{name}",
            }).ToList();
            proto.Output.AddRange(outputs);
            foreach (var attribute in node.Attributes)
            {
                proto.Attribute.Add(Attribute(attribute, values));
            }

            graph.Node.Add(proto);
            values.AddRange(outputs);
            index++;
        }

        foreach (var output in recipe.Outputs)
        {
            var valueName = Reference(values, output, index);
            graph.Output.Add(new ValueInfoProto
            {
                Name = valueName,
                Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = 1 } },
            });
        }

        return graph;
    }

    /// <summary>A value defined earlier; a negative reference is a dangling name, an empty (optional) input, or a later node's output (a cycle).</summary>
    private static string Reference(List<string> values, int reference, int node) => reference switch
    {
        -1 => "dangling",
        -2 => "",
        -3 => $"n{node + 1}_0_main",
        _ when values.Count == 0 => "nothing",
        _ => values[values.Count - 1 - reference % values.Count],
    };

    private static ValueInfoProto RenderValue(ValueRecipe value)
    {
        var tensorType = new TypeProto.Types.Tensor { ElemType = value.ElementType };
        if (value.Dims is not null)
        {
            tensorType.Shape = new TensorShapeProto();
            foreach (var dim in value.Dims)
            {
                var d = new TensorShapeProto.Types.Dimension();
                if (dim.Value is { } v)
                {
                    d.DimValue = v;
                }
                else if (dim.Symbol is { } s)
                {
                    d.DimParam = s;
                }

                tensorType.Shape.Dim.Add(d);
            }
        }

        return new ValueInfoProto { Name = value.Name, Type = new TypeProto { TensorType = tensorType } };
    }

    private static TensorProto RenderTensor(TensorRecipe recipe)
    {
        var tensor = new TensorProto { Name = recipe.Name, DataType = recipe.DataType };
        tensor.Dims.AddRange(recipe.Dims);
        var elements = recipe.Dims.Aggregate(1L, (a, d) => d is > 0 and < 64 ? a * d : a);
        var count = (int)Math.Clamp(elements + recipe.PayloadDelta, 0, 4096);
        switch (recipe.Storage)
        {
            case 1 or 2 or 3:
                // The typed field of the tensor's own type; storage 3 uses float_data whatever the type, which a loader must refuse or read.
                if (recipe.DataType == 7 && recipe.Storage != 3)
                {
                    tensor.Int64Data.AddRange(Enumerable.Range(0, count).Select(i => (long)i % 5));
                }
                else if (recipe.DataType is 6 or 2 or 3 or 9 && recipe.Storage != 3)
                {
                    tensor.Int32Data.AddRange(Enumerable.Range(0, count).Select(i => i % 3));
                }
                else
                {
                    tensor.FloatData.AddRange(Enumerable.Repeat(0.5f, count));
                }

                break;
            case 4 or 5:
                tensor.DataLocation = TensorProto.Types.DataLocation.External;
                tensor.ExternalData.Add(new StringStringEntryProto { Key = "location", Value = recipe.Location });
                if (recipe.Storage == 5)
                {
                    tensor.ExternalData.Add(new StringStringEntryProto { Key = "offset", Value = recipe.Offset });
                    tensor.ExternalData.Add(new StringStringEntryProto { Key = "length", Value = recipe.Length });
                }

                break;
            case 6:
                break; // no data at all
            default:
                return ModelBuilder.ModelBuilder.WithRawData(tensor, new byte[Math.Clamp(count * ElementSize(recipe.DataType), 0, 1 << 16)]);
        }

        return tensor;
    }

    /// <summary>Bytes per element of an ONNX data type, so that most payloads match their dims (4 for unknown types).</summary>
    private static int ElementSize(int dataType) => dataType switch
    {
        2 or 3 or 9 => 1,
        4 or 5 or 10 or 16 => 2,
        7 or 11 or 13 or 14 => 8,
        15 => 16,
        _ => 4,
    };

    private static AttributeProto Attribute(AttributeRecipe recipe, List<string> values)
    {
        var attribute = new AttributeProto { Name = recipe.Name };
        switch (recipe.Kind)
        {
            case 0:
                attribute.Type = AttributeProto.Types.AttributeType.Int;
                attribute.I = recipe.Int;
                break;
            case 1:
                attribute.Type = AttributeProto.Types.AttributeType.Ints;
                attribute.Ints.AddRange(recipe.Ints);
                break;
            case 2:
                attribute.Type = AttributeProto.Types.AttributeType.Float;
                attribute.F = recipe.Float;
                break;
            case 3:
                attribute.Type = AttributeProto.Types.AttributeType.String;
                attribute.S = ByteString.CopyFromUtf8(recipe.Text);
                break;
            case 4:
                attribute.Type = AttributeProto.Types.AttributeType.Tensor;
                attribute.T = RenderTensor(recipe.Tensor!);
                break;
            case 5:
                attribute.Type = AttributeProto.Types.AttributeType.Graph;
                attribute.G = Render(recipe.Graph!, "sub_" + recipe.Name, values);
                break;
            default:
                // A type that says one thing while the value holds another.
                attribute.Type = (AttributeProto.Types.AttributeType)(int)(recipe.Int & 15);
                attribute.Floats.AddRange(new[] { recipe.Float });
                break;
        }

        return attribute;
    }
}
