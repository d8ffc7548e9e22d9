using EfficiencyMisnomer.Graph;
using EfficiencyMisnomer.Onnx.Wire;
using EfficiencyMisnomer.Tensors;
using Google.Protobuf;

namespace EfficiencyMisnomer.ModelBuilder;

/// <summary>How the builder stores initializer values.</summary>
public enum WeightStorage
{
    /// <summary>In raw_data, all zeros (fast; enough for every static indicator but sparsity).</summary>
    Zeros,

    /// <summary>In raw_data, seeded pseudo-random values.</summary>
    Random,

    /// <summary>In one external data file beside the model, written sparse (nothing on disk for the zeros).</summary>
    External,

    /// <summary>In one external data file beside the model, seeded pseudo-random values (written out: takes disk).</summary>
    ExternalRandom,
}

/// <summary>
/// Writes ONNX models from C#. A thin, explicit layer over the wire messages: inputs, initializers,
/// nodes with attributes, outputs, opsets. Subgraphs are built with a nested builder.
/// </summary>
public sealed partial class ModelBuilder
{
    private readonly GraphProto graph = new();
    private readonly Dictionary<string, long> opsets = new(StringComparer.Ordinal);
    private int unique;

    public ModelBuilder(string name = "model", long opset = 17, WeightStorage storage = WeightStorage.Zeros, int seed = 42)
    {
        graph.Name = name;
        opsets[string.Empty] = opset;
        Storage = storage;
        random = new Random(seed);
    }

    public WeightStorage Storage { get; }

    /// <summary>The external data file name used for <see cref="WeightStorage.External"/>.</summary>
    public string ExternalDataFile { get; set; } = "weights.bin";

    public GraphProto Graph => graph;

    public ModelBuilder Opset(string domain, long version)
    {
        opsets[domain] = version;
        return this;
    }

    /// <summary>A fresh value name with the given prefix.</summary>
    public string Fresh(string prefix) => $"{prefix}_{unique++}";

    /// <summary>Declares a graph input. Dims are numbers or symbol names (strings).</summary>
    public string Input(string name, ElementType type, params object[] dims)
    {
        graph.Input.Add(ValueInfo(name, type, dims));
        return name;
    }

    public string Output(string name, ElementType type = ElementType.Float, params object[]? dims)
    {
        graph.Output.Add(dims is null ? new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type } } } : ValueInfo(name, type, dims));
        return name;
    }

    /// <summary>Adds a weight initializer stored as configured by <see cref="Storage"/>.</summary>
    public string Weight(string name, params long[] dims) => Initializer(name, ElementType.Float, dims);

    /// <summary>An int64 initializer with the given values, always inline (shape constants).</summary>
    public string Int64s(string name, params long[] values) => Int64s(name, new long[] { values.Length }, values);

    public string Int64s(string name, long[] dims, long[] values)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)ElementType.Int64 };
        tensor.Dims.AddRange(dims);
        var data = new byte[values.Length * 8];
        Buffer.BlockCopy(values, 0, data, 0, data.Length);
        graph.Initializer.Add(WithRawData(tensor, data));
        return name;
    }

    /// <summary>A float initializer with the given values, always inline.</summary>
    public string Floats(string name, long[] dims, float[] values)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)ElementType.Float };
        tensor.Dims.AddRange(dims);
        var data = new byte[values.Length * 4];
        Buffer.BlockCopy(values, 0, data, 0, data.Length);
        graph.Initializer.Add(WithRawData(tensor, data));
        return name;
    }

    /// <summary>Adds a node; returns its first output name. Attributes: name/value pairs (long, float, string, long[], float[], TensorProto, GraphProto).</summary>
    public string Node(string opType, string[] inputs, string[] outputs, params (string Name, object Value)[] attributes) =>
        NodeIn(string.Empty, opType, inputs, outputs, attributes);

    /// <summary>Adds a node with a single fresh output and returns that output's name.</summary>
    public string Op(string opType, string[] inputs, params (string Name, object Value)[] attributes) =>
        Node(opType, inputs, new[] { Fresh(opType.ToLowerInvariant()) }, attributes);

    public string NodeIn(string domain, string opType, string[] inputs, string[] outputs, params (string Name, object Value)[] attributes)
    {
        var node = new NodeProto { OpType = opType, Name = $"{opType}_{graph.Node.Count}", Domain = domain };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        foreach (var (name, value) in attributes)
        {
            node.Attribute.Add(Attribute(name, value));
        }

        graph.Node.Add(node);
        return outputs.Length > 0 ? outputs[0] : string.Empty;
    }

    /// <summary>The serialized model.</summary>
    public byte[] ToBytes()
    {
        var model = new ModelProto { IrVersion = 8, ProducerName = "EfficiencyMisnomer.ModelBuilder", Graph = graph };
        foreach (var (domain, version) in opsets)
        {
            model.OpsetImport.Add(new OperatorSetIdProto { Domain = domain, Version = version });
        }

        return model.ToByteArray();
    }

    /// <summary>Builds the model in memory and loads it with the engine.</summary>
    public OnnxModel Load(string path = "built.onnx") => OnnxModel.Load(ToBytes(), path);

    public static ValueInfoProto ValueInfo(string name, ElementType type, object[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var dim in dims)
        {
            shape.Dim.Add(dim switch
            {
                string symbol => new TensorShapeProto.Types.Dimension { DimParam = symbol },
                int i => new TensorShapeProto.Types.Dimension { DimValue = i },
                long l => new TensorShapeProto.Types.Dimension { DimValue = l },
                _ => throw new ArgumentException($"Unsupported dim {dim}."),
            });
        }

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } },
        };
    }

    /// <summary>
    /// Attaches a raw_data payload. The engine's wire schema leaves raw_data undeclared, so the field is
    /// appended as protobuf bytes and kept by the parser as an unknown field, which it writes back.
    /// </summary>
    public static TensorProto WithRawData(TensorProto tensor, byte[] payload)
    {
        using var buffer = new MemoryStream();
        tensor.WriteTo(buffer);
        var output = new CodedOutputStream(buffer);
        output.WriteTag(9, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(payload));
        output.Flush();
        return TensorProto.Parser.ParseFrom(buffer.ToArray());
    }

    public static AttributeProto Attribute(string name, object value)
    {
        var attribute = new AttributeProto { Name = name };
        switch (value)
        {
            case int i:
                attribute.Type = AttributeProto.Types.AttributeType.Int;
                attribute.I = i;
                break;
            case long l:
                attribute.Type = AttributeProto.Types.AttributeType.Int;
                attribute.I = l;
                break;
            case float f:
                attribute.Type = AttributeProto.Types.AttributeType.Float;
                attribute.F = f;
                break;
            case double d:
                attribute.Type = AttributeProto.Types.AttributeType.Float;
                attribute.F = (float)d;
                break;
            case string s:
                attribute.Type = AttributeProto.Types.AttributeType.String;
                attribute.S = ByteString.CopyFromUtf8(s);
                break;
            case long[] ls:
                attribute.Type = AttributeProto.Types.AttributeType.Ints;
                attribute.Ints.AddRange(ls);
                break;
            case int[] iss:
                attribute.Type = AttributeProto.Types.AttributeType.Ints;
                attribute.Ints.AddRange(iss.Select(x => (long)x));
                break;
            case float[] fs:
                attribute.Type = AttributeProto.Types.AttributeType.Floats;
                attribute.Floats.AddRange(fs);
                break;
            case string[] ss:
                attribute.Type = AttributeProto.Types.AttributeType.Strings;
                attribute.Strings.AddRange(ss.Select(ByteString.CopyFromUtf8));
                break;
            case TensorProto t:
                attribute.Type = AttributeProto.Types.AttributeType.Tensor;
                attribute.T = t;
                break;
            case GraphProto g:
                attribute.Type = AttributeProto.Types.AttributeType.Graph;
                attribute.G = g;
                break;
            default:
                throw new ArgumentException($"Unsupported attribute value {value} for '{name}'.");
        }

        return attribute;
    }

    /// <summary>A tensor value for Constant nodes and TENSOR attributes.</summary>
    public static TensorProto Tensor(ElementType type, long[] dims, Array values)
    {
        var tensor = new TensorProto { DataType = (int)type };
        tensor.Dims.AddRange(dims);
        var data = new byte[Buffer.ByteLength(values)];
        Buffer.BlockCopy(values, 0, data, 0, data.Length);
        return WithRawData(tensor, data);
    }
}
