using System.Text.Unicode;

namespace EfficiencyMisnomer.Onnx;

/// <summary>
/// Says why the protobuf parser refused a model file when the reason is in the model rather than in broken bytes: a
/// string field that is not valid UTF-8, or messages nested deeper than the parser's recursion limit. It walks the
/// fields of <c>onnx_wire.proto</c> in file order, as the parser does, so it meets the same problem first, and names
/// where it is (<c>main graph &gt; node #3</c>, the field).
/// </summary>
internal static class WireDiagnosis
{
    /// <summary>
    /// The deepest message the parser accepts, the model itself at depth 0: Google.Protobuf's default recursion limit,
    /// which is also the C++ protobuf default ONNX Runtime parses with (it refuses a 32-deep If chain, accepts 31).
    /// </summary>
    public const int MaxMessageDepth = 100;

    private enum Message
    {
        Model,
        Opset,
        Graph,
        Node,
        Attribute,
        Tensor,
        SparseTensor,
        Entry,
        ValueInfo,
        Type,
        TensorType,
        ElementType,
        MapType,
        Shape,
        Dimension,
        Function,
    }

    /// <summary>The string (no child) and message fields of each message, with how a path names them.</summary>
    private static readonly Dictionary<(Message, int), (string Name, Message? Child)> Fields = new()
    {
        [(Message.Model, 2)] = ("producer_name", null),
        [(Message.Model, 3)] = ("producer_version", null),
        [(Message.Model, 8)] = ("opset_import", Message.Opset),
        [(Message.Model, 7)] = ("main graph", Message.Graph),
        [(Message.Model, 25)] = ("function", Message.Function),
        [(Message.Opset, 1)] = ("domain", null),
        [(Message.Graph, 1)] = ("node", Message.Node),
        [(Message.Graph, 2)] = ("name", null),
        [(Message.Graph, 5)] = ("initializer", Message.Tensor),
        [(Message.Graph, 15)] = ("sparse_initializer", Message.SparseTensor),
        [(Message.Graph, 11)] = ("input", Message.ValueInfo),
        [(Message.Graph, 12)] = ("output", Message.ValueInfo),
        [(Message.Graph, 13)] = ("value_info", Message.ValueInfo),
        [(Message.Node, 1)] = ("input", null),
        [(Message.Node, 2)] = ("output", null),
        [(Message.Node, 3)] = ("name", null),
        [(Message.Node, 4)] = ("op_type", null),
        [(Message.Node, 7)] = ("domain", null),
        [(Message.Node, 5)] = ("attribute", Message.Attribute),
        [(Message.Attribute, 1)] = ("name", null),
        [(Message.Attribute, 5)] = ("tensor", Message.Tensor),
        [(Message.Attribute, 6)] = ("graph", Message.Graph),
        [(Message.Attribute, 22)] = ("sparse tensor", Message.SparseTensor),
        [(Message.Attribute, 10)] = ("tensor", Message.Tensor),
        [(Message.Attribute, 11)] = ("graph", Message.Graph),
        [(Message.Attribute, 23)] = ("sparse tensor", Message.SparseTensor),
        [(Message.Tensor, 8)] = ("name", null),
        [(Message.Tensor, 13)] = ("external_data", Message.Entry),
        [(Message.SparseTensor, 1)] = ("values", Message.Tensor),
        [(Message.SparseTensor, 2)] = ("indices", Message.Tensor),
        [(Message.Entry, 1)] = ("key", null),
        [(Message.Entry, 2)] = ("value", null),
        [(Message.ValueInfo, 1)] = ("name", null),
        [(Message.ValueInfo, 2)] = ("type", Message.Type),
        [(Message.Type, 1)] = ("tensor_type", Message.TensorType),
        [(Message.Type, 4)] = ("sequence_type", Message.ElementType),
        [(Message.Type, 5)] = ("map_type", Message.MapType),
        [(Message.Type, 9)] = ("optional_type", Message.ElementType),
        [(Message.Type, 8)] = ("sparse_tensor_type", Message.TensorType),
        [(Message.TensorType, 2)] = ("shape", Message.Shape),
        [(Message.ElementType, 1)] = ("elem_type", Message.Type),
        [(Message.MapType, 2)] = ("value_type", Message.Type),
        [(Message.Shape, 1)] = ("dim", Message.Dimension),
        [(Message.Dimension, 2)] = ("dim_param", null),
        [(Message.Function, 1)] = ("name", null),
        [(Message.Function, 4)] = ("input", null),
        [(Message.Function, 5)] = ("output", null),
        [(Message.Function, 6)] = ("attribute", null),
        [(Message.Function, 10)] = ("domain", null),
        [(Message.Function, 11)] = ("attribute_proto", Message.Attribute),
        [(Message.Function, 7)] = ("node", Message.Node),
        [(Message.Function, 9)] = ("opset_import", Message.Opset),
        [(Message.Function, 12)] = ("value_info", Message.ValueInfo),
    };

    /// <summary>The first reason in file order, or null when the bytes are broken some other way (truncated, corrupt).</summary>
    public static WireProblem? Find(ReadOnlySpan<byte> file)
    {
        try
        {
            return Walk(file, 0, file.Length, Message.Model, "model", 0);
        }
        catch (Exception e) when (e is InvalidDataException or OverflowException)
        {
            return null;
        }
    }

    private static WireProblem? Walk(ReadOnlySpan<byte> file, int start, int end, Message message, string path, int depth)
    {
        var counts = new Dictionary<int, int>();
        var reader = new WireReader(file, start);
        while (reader.Position < end)
        {
            var (field, wireType) = reader.ReadTag();
            if (wireType != 2 || !Fields.TryGetValue((message, field), out var known))
            {
                reader.Skip(wireType);
                continue;
            }

            var (s, e) = reader.ReadLengthDelimited();
            var index = counts[field] = counts.GetValueOrDefault(field, -1) + 1;
            var name = IsRepeated(message, field) ? $"{known.Name} #{index}" : known.Name;
            if (known.Child is not { } child)
            {
                if (!Utf8.IsValid(file[s..e]))
                {
                    return new WireProblem(WireProblemKind.InvalidUtf8, path, name);
                }

                continue;
            }

            var at = message == Message.Model && child == Message.Graph ? known.Name : $"{path} > {name}";
            if (depth + 1 > MaxMessageDepth)
            {
                return new WireProblem(WireProblemKind.TooDeep, path, known.Name);
            }

            if (Walk(file, s, e, child, at, depth + 1) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    /// <summary>Repeated fields are numbered in paths (<c>node #3</c>, <c>input #1</c>); singular ones are not (<c>type</c>, <c>op_type</c>).</summary>
    private static bool IsRepeated(Message message, int field) => (message, field) switch
    {
        (Message.Node, 1 or 2 or 5) or (Message.Function, 4 or 5 or 6 or 7 or 9 or 11 or 12) => true,
        (Message.Graph, 1 or 5 or 11 or 12 or 13 or 15) or (Message.Attribute, 10 or 11 or 23) => true,
        (Message.Model, 8 or 25) or (Message.Tensor, 13) or (Message.Shape, 1) => true,
        _ => false,
    };
}

/// <summary>What <see cref="WireDiagnosis"/> found, and where: the message (<see cref="Path"/>) and its field.</summary>
internal sealed record WireProblem(WireProblemKind Kind, string Path, string Field)
{
    private const string Separator = " > ";

    /// <summary>The path with its middle left out when it is long (deep nesting): the first two and last six steps.</summary>
    public string ShortPath
    {
        get
        {
            var steps = Path.Split(Separator);
            return steps.Length <= 8 ? Path : string.Join(Separator, steps[..2].Append("…").Concat(steps[^6..]));
        }
    }
}

internal enum WireProblemKind
{
    InvalidUtf8,
    TooDeep,
}
