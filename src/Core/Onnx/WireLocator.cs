using EfficiencyMisnomer.Onnx.Wire;

namespace EfficiencyMisnomer.Onnx;

/// <summary>
/// Finds where each tensor's <c>raw_data</c> payload lies in a model file. The generated parser skips
/// payloads (the field is not declared, see <c>onnx_wire.proto</c>); this walk visits the same
/// messages in wire order and records the byte range of each payload, keyed by the parsed message.
/// </summary>
internal static class WireLocator
{
    /// <summary><c>TensorProto.raw_data</c>: not declared in <c>onnx_wire.proto</c>, so that the parser skips it; the ONNX schema's number.</summary>
    private const int RawDataField = 9;

    private const int LengthDelimited = (int)Google.Protobuf.WireFormat.WireType.LengthDelimited;

    public static Dictionary<TensorProto, PayloadRange> Locate(ReadOnlySpan<byte> file, ModelProto model)
    {
        var ranges = new Dictionary<TensorProto, PayloadRange>(ReferenceEqualityComparer.Instance);
        var reader = new WireReader(file, 0);
        int functionIndex = 0;
        while (reader.Position < file.Length)
        {
            var (field, wireType) = reader.ReadTag();
            if (wireType == LengthDelimited && field is ModelProto.GraphFieldNumber or ModelProto.FunctionsFieldNumber)
            {
                var (start, end) = reader.ReadLengthDelimited();
                if (field == ModelProto.GraphFieldNumber && model.Graph is not null)
                {
                    WalkGraph(file, start, end, model.Graph, ranges);
                }
                else if (field == ModelProto.FunctionsFieldNumber && functionIndex < model.Functions.Count)
                {
                    WalkFunction(file, start, end, model.Functions[functionIndex++], ranges);
                }
            }
            else
            {
                reader.Skip(wireType);
            }
        }

        return ranges;
    }

    private static void WalkGraph(ReadOnlySpan<byte> file, int start, int end, GraphProto graph,
        Dictionary<TensorProto, PayloadRange> ranges)
    {
        int nodes = 0, initializers = 0, sparse = 0;
        var reader = new WireReader(file, start);
        while (reader.Position < end)
        {
            var (field, wireType) = reader.ReadTag();
            if (wireType != LengthDelimited || field is not (GraphProto.NodeFieldNumber or GraphProto.InitializerFieldNumber or GraphProto.SparseInitializerFieldNumber))
            {
                reader.Skip(wireType);
                continue;
            }

            var (s, e) = reader.ReadLengthDelimited();
            switch (field)
            {
                case GraphProto.NodeFieldNumber when nodes < graph.Node.Count:
                    WalkNode(file, s, e, graph.Node[nodes++], ranges);
                    break;
                case GraphProto.InitializerFieldNumber when initializers < graph.Initializer.Count:
                    WalkTensor(file, s, e, graph.Initializer[initializers++], ranges);
                    break;
                case GraphProto.SparseInitializerFieldNumber when sparse < graph.SparseInitializer.Count:
                    WalkSparse(file, s, e, graph.SparseInitializer[sparse++], ranges);
                    break;
            }
        }
    }

    private static void WalkFunction(ReadOnlySpan<byte> file, int start, int end, FunctionProto function,
        Dictionary<TensorProto, PayloadRange> ranges)
    {
        int nodes = 0;
        var reader = new WireReader(file, start);
        while (reader.Position < end)
        {
            var (field, wireType) = reader.ReadTag();
            if (wireType == LengthDelimited && field == FunctionProto.NodeFieldNumber && nodes < function.Node.Count)
            {
                var (s, e) = reader.ReadLengthDelimited();
                WalkNode(file, s, e, function.Node[nodes++], ranges);
            }
            else
            {
                reader.Skip(wireType);
            }
        }
    }

    private static void WalkNode(ReadOnlySpan<byte> file, int start, int end, NodeProto node,
        Dictionary<TensorProto, PayloadRange> ranges)
    {
        int attributes = 0;
        var reader = new WireReader(file, start);
        while (reader.Position < end)
        {
            var (field, wireType) = reader.ReadTag();
            if (wireType == LengthDelimited && field == NodeProto.AttributeFieldNumber && attributes < node.Attribute.Count)
            {
                var (s, e) = reader.ReadLengthDelimited();
                WalkAttribute(file, s, e, node.Attribute[attributes++], ranges);
            }
            else
            {
                reader.Skip(wireType);
            }
        }
    }

    private static void WalkAttribute(ReadOnlySpan<byte> file, int start, int end, AttributeProto attribute,
        Dictionary<TensorProto, PayloadRange> ranges)
    {
        int tensors = 0, graphs = 0, sparseTensors = 0;
        var reader = new WireReader(file, start);
        while (reader.Position < end)
        {
            var (field, wireType) = reader.ReadTag();
            if (wireType != LengthDelimited || field is not (AttributeProto.TFieldNumber or AttributeProto.GFieldNumber or AttributeProto.TensorsFieldNumber
                or AttributeProto.GraphsFieldNumber or AttributeProto.SparseTensorFieldNumber or AttributeProto.SparseTensorsFieldNumber))
            {
                reader.Skip(wireType);
                continue;
            }

            var (s, e) = reader.ReadLengthDelimited();
            switch (field)
            {
                case AttributeProto.TFieldNumber when attribute.T is not null:
                    WalkTensor(file, s, e, attribute.T, ranges);
                    break;
                case AttributeProto.GFieldNumber when attribute.G is not null:
                    WalkGraph(file, s, e, attribute.G, ranges);
                    break;
                case AttributeProto.TensorsFieldNumber when tensors < attribute.Tensors.Count:
                    WalkTensor(file, s, e, attribute.Tensors[tensors++], ranges);
                    break;
                case AttributeProto.GraphsFieldNumber when graphs < attribute.Graphs.Count:
                    WalkGraph(file, s, e, attribute.Graphs[graphs++], ranges);
                    break;
                case AttributeProto.SparseTensorFieldNumber when attribute.SparseTensor is not null:
                    WalkSparse(file, s, e, attribute.SparseTensor, ranges);
                    break;
                case AttributeProto.SparseTensorsFieldNumber when sparseTensors < attribute.SparseTensors.Count:
                    WalkSparse(file, s, e, attribute.SparseTensors[sparseTensors++], ranges);
                    break;
            }
        }
    }

    private static void WalkSparse(ReadOnlySpan<byte> file, int start, int end, SparseTensorProto sparse,
        Dictionary<TensorProto, PayloadRange> ranges)
    {
        var reader = new WireReader(file, start);
        while (reader.Position < end)
        {
            var (field, wireType) = reader.ReadTag();
            if (wireType == LengthDelimited && field is SparseTensorProto.ValuesFieldNumber or SparseTensorProto.IndicesFieldNumber)
            {
                var (s, e) = reader.ReadLengthDelimited();
                var tensor = field == SparseTensorProto.ValuesFieldNumber ? sparse.Values : sparse.Indices;
                if (tensor is not null)
                {
                    WalkTensor(file, s, e, tensor, ranges);
                }
            }
            else
            {
                reader.Skip(wireType);
            }
        }
    }

    private static void WalkTensor(ReadOnlySpan<byte> file, int start, int end, TensorProto tensor,
        Dictionary<TensorProto, PayloadRange> ranges)
    {
        var reader = new WireReader(file, start);
        while (reader.Position < end)
        {
            var (field, wireType) = reader.ReadTag();
            if (wireType == LengthDelimited && field == RawDataField)
            {
                var (s, e) = reader.ReadLengthDelimited();
                ranges[tensor] = new PayloadRange(s, e - s); // protobuf: the last occurrence wins
            }
            else
            {
                reader.Skip(wireType);
            }
        }
    }
}

/// <summary>A byte range inside the model file.</summary>
public readonly record struct PayloadRange(long Offset, long Length);
