using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Onnx;
using EfficiencyMisnomer.Onnx.Wire;
using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Graph;

/// <summary>Builds <see cref="OnnxGraph"/>s from their protobuf messages, subgraphs included, and validates them.</summary>
internal sealed class GraphBuilder
{
    /// <summary>Subgraph levels below the main graph the engine accepts: ONNX Runtime's <c>kMaxModelSubgraphDepth</c>.</summary>
    public const int MaxSubgraphDepth = 32;

    private readonly ModelSource source;
    private readonly TensorDecoder decoder;

    public GraphBuilder(ModelSource source, TensorDecoder decoder)
    {
        this.source = source;
        this.decoder = decoder;
    }

    public OnnxGraph Build(GraphProto proto, OnnxGraph? parent, string label)
    {
        var graph = Construct(proto, parent, label);
        TopologicalSorter.Sort(graph, null, source);
        return graph;
    }

    private OnnxGraph Construct(GraphProto proto, OnnxGraph? parent, string label)
    {
        var graph = new OnnxGraph(string.IsNullOrEmpty(proto.Name) ? label : proto.Name, parent);

        var initializers = new Dictionary<string, TensorInfo>(StringComparer.Ordinal);
        foreach (var tensor in proto.Initializer)
        {
            var info = decoder.Decode(tensor, $"initializer #{initializers.Count}");
            if (!initializers.TryAdd(info.Name, info))
            {
                throw new EfficiencyException(ErrorCodes.DuplicateOutput,
                    $"initializer '{UserText.Quote(info.Name)}' is defined twice in {UserText.Quote(graph.Name)}.", source.Locate($"initializer '{UserText.Quote(info.Name)}'"));
            }
        }

        foreach (var sparse in proto.SparseInitializer)
        {
            if (sparse.Values is null)
            {
                continue;
            }

            var values = decoder.Decode(sparse.Values, "sparse initializer");
            var dims = sparse.Dims.ToArray();
            var count = decoder.ElementCount(dims, values.ElementType, values.Name);
            var info = new TensorInfo(values.Name, values.ElementType, dims, count, TensorStorage.Typed, null, null, null) { SparseValues = values };
            if (!initializers.TryAdd(values.Name, info))
            {
                throw new EfficiencyException(ErrorCodes.DuplicateOutput,
                    $"initializer '{UserText.Quote(info.Name)}' is defined twice in {UserText.Quote(graph.Name)}.", source.Locate($"initializer '{UserText.Quote(info.Name)}'"));
            }
        }

        graph.Initializers = initializers;
        graph.Inputs = proto.Input.Where(i => !initializers.ContainsKey(i.Name)).Select(i => ToValueInfo(i, "input", graph)).ToArray();
        graph.Outputs = proto.Output.Select(o => ToValueInfo(o, "output", graph)).ToArray();
        var declared = new Dictionary<string, ValueInfo>(StringComparer.Ordinal);
        foreach (var info in proto.ValueInfo)
        {
            declared[info.Name] = ToValueInfo(info, "value_info", graph);
        }

        graph.DeclaredTypes = declared;
        var nodes = new List<Node>(proto.Node.Count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < proto.Node.Count; i++)
        {
            nodes.Add(ToNode(proto.Node[i], i, graph, names));
        }

        graph.Nodes = nodes;
        return graph;
    }

    private Node ToNode(NodeProto proto, int index, OnnxGraph graph, HashSet<string> names)
    {
        var name = string.IsNullOrEmpty(proto.Name) ? $"{proto.OpType}_{index}" : proto.Name;
        if (!names.Add(name))
        {
            name = $"{name}#{index}"; // names need not be unique in ONNX; messages must still tell nodes apart
        }

        var attributes = new NodeAttributes(proto.Attribute, new AttributeOwner(source.Path, name, proto.OpType),
            attribute => decoder.Decode(attribute.T, $"{name}.{attribute.Name}"));
        var subgraphs = new Dictionary<string, OnnxGraph>(StringComparer.Ordinal);
        foreach (var attribute in proto.Attribute)
        {
            if (attribute.G is not null)
            {
                CheckNesting(graph, name, proto.OpType, attribute.Name);
                subgraphs[attribute.Name] = Construct(attribute.G, graph, $"{name}.{attribute.Name}");
            }
        }

        return new Node(index, name, proto.OpType, proto.Domain ?? string.Empty, proto.Input.ToArray(), proto.Output.ToArray(),
            attributes, subgraphs);
    }

    /// <summary>
    /// Refuses a subgraph more than <see cref="MaxSubgraphDepth"/> levels below the main graph, as ONNX Runtime does: the
    /// engine's walks over subgraphs recurse once per level, and no exporter nests control flow that deep.
    /// </summary>
    private void CheckNesting(OnnxGraph graph, string node, string opType, string attribute)
    {
        int depth = 1;
        for (var outer = graph.Parent; outer is not null; outer = outer.Parent)
        {
            depth++;
        }

        if (depth > MaxSubgraphDepth)
        {
            var quoted = UserText.Quote(node);
            throw new EfficiencyException(ErrorCodes.NestingTooDeep,
                $"the {UserText.Quote(attribute)} of node '{quoted}' ({UserText.Quote(opType)}) is a subgraph {depth} levels deep; "
                + $"subgraphs may nest at most {MaxSubgraphDepth} levels (ONNX Runtime's limit too): flatten the control flow.",
                source.Locate($"node '{quoted}'"));
        }
    }

    /// <summary>A declared value; <paramref name="kind"/> (input, output, value_info) names where it is declared in messages.</summary>
    private ValueInfo ToValueInfo(ValueInfoProto proto, string kind, OnnxGraph graph)
    {
        var type = proto.Type;
        if (type?.TensorType is not { } tensor)
        {
            return new ValueInfo(proto.Name, null, IsTensor: type is null || type.ValueCase == TypeProto.ValueOneofCase.None);
        }

        TensorShape? shape = null;
        if (tensor.Shape is { } shapeProto)
        {
            if (shapeProto.Dim.Count > TensorShape.MaxRank)
            {
                var quoted = UserText.Quote(proto.Name);
                throw new EfficiencyException(ErrorCodes.TooManyDims,
                    $"{kind} '{quoted}' of graph '{UserText.Quote(graph.Name)}' declares {shapeProto.Dim.Count} dims; the engine takes at most {TensorShape.MaxRank}.",
                    source.Locate($"{kind} '{quoted}'"));
            }

            var dims = new Dim[shapeProto.Dim.Count];
            for (int i = 0; i < dims.Length; i++)
            {
                var d = shapeProto.Dim[i];
                dims[i] = d.ValueCase switch
                {
                    TensorShapeProto.Types.Dimension.ValueOneofCase.DimValue when d.DimValue >= 0 => Dim.Of(d.DimValue),
                    TensorShapeProto.Types.Dimension.ValueOneofCase.DimValue => throw NegativeDim(proto.Name, kind, graph, i, d.DimValue),
                    TensorShapeProto.Types.Dimension.ValueOneofCase.DimParam when d.DimParam.Length > 0 => Dim.Unknown(d.DimParam),
                    _ => Dim.Unknown($"{proto.Name}:{i}"),
                };
            }

            shape = new TensorShape(dims);
        }

        return new ValueInfo(proto.Name, new TensorType(ElementTypes.FromOnnx(tensor.ElemType), shape));
    }

    /// <summary>ONNX requires dim_value >= 0; an unknown size is a dim_param or no value at all, never a negative one.</summary>
    private EfficiencyException NegativeDim(string name, string kind, OnnxGraph graph, int index, long value)
    {
        var quoted = UserText.Quote(name);
        return new EfficiencyException(ErrorCodes.InvalidTensor,
            $"{kind} '{quoted}' of graph '{UserText.Quote(graph.Name)}' declares dim {index} as {value}; ONNX dims are 0 or more "
            + "(an unknown size is written as a dim_param, or left without a value): re-export the model.",
            source.Locate($"{kind} '{quoted}'"));
    }
}
