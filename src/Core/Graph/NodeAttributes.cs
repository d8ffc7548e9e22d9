using System.Text;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Onnx;
using EfficiencyMisnomer.Onnx.Wire;
using AttributeType = EfficiencyMisnomer.Onnx.Wire.AttributeProto.Types.AttributeType;

namespace EfficiencyMisnomer.Graph;

/// <summary>
/// The attributes of a node, read with the defaults the operator specification gives. Each getter reads one ONNX
/// attribute type; an attribute the model stores with another type is refused (EM1107) rather than read as absent,
/// so that a STRING <c>kernel_shape</c> never silently becomes the default.
/// </summary>
public sealed class NodeAttributes
{
    private readonly Dictionary<string, AttributeProto> attributes;
    private readonly Dictionary<string, AttributeType> types;
    private readonly Dictionary<string, TensorInfo> tensors;
    private readonly AttributeOwner? owner;

    /// <summary>Checks every attribute's type against the value it holds (the ONNX checker's rules) and keeps them by name.</summary>
    internal NodeAttributes(IEnumerable<AttributeProto> attributes, AttributeOwner? owner, Func<AttributeProto, TensorInfo>? decodeTensor = null)
    {
        this.owner = owner;
        this.attributes = new Dictionary<string, AttributeProto>(StringComparer.Ordinal);
        types = new Dictionary<string, AttributeType>(StringComparer.Ordinal);
        tensors = new Dictionary<string, TensorInfo>(StringComparer.Ordinal);
        foreach (var attribute in attributes)
        {
            if (attribute.Name.Length == 0)
            {
                throw Invalid("has an attribute without a name");
            }

            if (!this.attributes.TryAdd(attribute.Name, attribute))
            {
                throw Invalid($"gives attribute '{UserText.Quote(attribute.Name)}' twice");
            }

            var type = TypeOf(attribute);
            types[attribute.Name] = type;
            if (type == AttributeType.Tensor && attribute.T is not null && decodeTensor is not null)
            {
                tensors[attribute.Name] = decodeTensor(attribute);
            }
        }
    }

    public static NodeAttributes Empty { get; } = new(Array.Empty<AttributeProto>(), null);

    public IEnumerable<string> Names => attributes.Keys;

    public bool Has(string name) => attributes.ContainsKey(name);

    public long GetInt(string name, long defaultValue) => Find(name, AttributeType.Int) is { } a ? a.I : defaultValue;

    public long? GetIntOrNull(string name) => Find(name, AttributeType.Int)?.I;

    public float GetFloat(string name, float defaultValue) => Find(name, AttributeType.Float) is { } a ? a.F : defaultValue;

    public string GetString(string name, string defaultValue) =>
        Find(name, AttributeType.String) is { } a ? Encoding.UTF8.GetString(a.S.Span) : defaultValue;

    /// <summary>An INTS attribute, or null when absent.</summary>
    public long[]? GetInts(string name) => Find(name, AttributeType.Ints)?.Ints.ToArray();

    public float[]? GetFloats(string name) => Find(name, AttributeType.Floats)?.Floats.ToArray();

    public string[]? GetStrings(string name) =>
        Find(name, AttributeType.Strings)?.Strings.Select(s => Encoding.UTF8.GetString(s.Span)).ToArray();

    /// <summary>A TENSOR attribute (e.g. Constant's <c>value</c>, ConstantOfShape's <c>value</c>).</summary>
    public TensorInfo? GetTensor(string name) =>
        Find(name, AttributeType.Tensor) is not null && tensors.TryGetValue(name, out var t) ? t : null;

    /// <summary>The ONNX name of an attribute type, as the specification writes it (<c>INTS</c>, <c>SPARSE_TENSOR</c>).</summary>
    internal static string NameOf(AttributeType type) => type switch
    {
        AttributeType.SparseTensor => "SPARSE_TENSOR",
        AttributeType.SparseTensors => "SPARSE_TENSORS",
        AttributeType.TypeProto => "TYPE_PROTO",
        AttributeType.TypeProtos => "TYPE_PROTOS",
        _ when Enum.IsDefined(type) => type.ToString().ToUpperInvariant(),
        _ => $"unknown type {(int)type}",
    };

    private AttributeProto? Find(string name, AttributeType expected)
    {
        if (!attributes.TryGetValue(name, out var attribute))
        {
            return null;
        }

        var found = types[name];
        return found == expected ? attribute
            : throw Invalid($"has attribute '{UserText.Quote(name)}' of type {NameOf(found)}, but the operator reads it as {NameOf(expected)}");
    }

    /// <summary>
    /// The attribute's type: its <c>type</c> field, which must agree with the one value field it sets; or, in files
    /// that leave <c>type</c> out, the value field it sets. An attribute holding two kinds of value, a value of
    /// another type than declared, an unknown type or neither a type nor a value is refused, as the ONNX checker does.
    /// </summary>
    private AttributeType TypeOf(AttributeProto attribute)
    {
        var held = HeldTypes(attribute).Distinct().ToList();
        var quoted = UserText.Quote(attribute.Name);
        if (attribute.Type != AttributeType.Undefined)
        {
            if (!Enum.IsDefined(attribute.Type))
            {
                throw Invalid($"has attribute '{quoted}' of {NameOf(attribute.Type)}");
            }

            var other = held.FirstOrDefault(t => t != attribute.Type);
            return other == AttributeType.Undefined ? attribute.Type
                : throw Invalid($"has attribute '{quoted}' declared {NameOf(attribute.Type)} but holding a {NameOf(other)} value");
        }

        return held.Count switch
        {
            1 => held[0],
            0 => throw Invalid($"has attribute '{quoted}' with neither a type nor a value"),
            _ => throw Invalid($"has attribute '{quoted}' holding values of several types ({string.Join(", ", held.Select(NameOf))})"),
        };
    }

    private static IEnumerable<AttributeType> HeldTypes(AttributeProto a) => new (bool Held, AttributeType Type)[]
    {
        (a.HasF, AttributeType.Float),
        (a.HasI, AttributeType.Int),
        (a.HasS, AttributeType.String),
        (a.T is not null, AttributeType.Tensor),
        (a.G is not null, AttributeType.Graph),
        (a.SparseTensor is not null, AttributeType.SparseTensor),
        (a.Floats.Count > 0, AttributeType.Floats),
        (a.Ints.Count > 0, AttributeType.Ints),
        (a.Strings.Count > 0, AttributeType.Strings),
        (a.Tensors.Count > 0, AttributeType.Tensors),
        (a.Graphs.Count > 0, AttributeType.Graphs),
        (a.SparseTensors.Count > 0, AttributeType.SparseTensors),
    }.Where(v => v.Held).Select(v => v.Type);

    private EfficiencyException Invalid(string problem) =>
        new(ErrorCodes.InvalidAttribute,
            owner is null
                ? $"a node {problem}; the model is not valid ONNX: re-export it."
                : $"node '{UserText.Quote(owner.NodeName)}' ({UserText.Quote(owner.OpType)}) {problem}; the model is not valid ONNX: re-export it.",
            owner is null ? null : new SourceLocation(owner.ModelPath, Element: $"node '{UserText.Quote(owner.NodeName)}'"));
}

/// <summary>The node that holds a set of attributes, for messages: the model file, the node's name and its operator.</summary>
internal sealed record AttributeOwner(string ModelPath, string NodeName, string OpType);
