using System.Text;
using EfficiencyMisnomer.Onnx;
using EfficiencyMisnomer.Onnx.Wire;

namespace EfficiencyMisnomer.Graph;

/// <summary>The attributes of a node, read with the defaults the operator specification gives.</summary>
public sealed class NodeAttributes
{
    private readonly Dictionary<string, AttributeProto> attributes;
    private readonly Dictionary<string, TensorInfo> tensors;

    internal NodeAttributes(IEnumerable<AttributeProto> attributes, Dictionary<string, TensorInfo> tensors)
    {
        this.attributes = new Dictionary<string, AttributeProto>(StringComparer.Ordinal);
        foreach (var attribute in attributes)
        {
            this.attributes[attribute.Name] = attribute;
        }

        this.tensors = tensors;
    }

    public static NodeAttributes Empty { get; } = new(Array.Empty<AttributeProto>(), new Dictionary<string, TensorInfo>());

    public IEnumerable<string> Names => attributes.Keys;

    public bool Has(string name) => attributes.ContainsKey(name);

    public long GetInt(string name, long defaultValue) =>
        attributes.TryGetValue(name, out var a) && a.HasI ? a.I : defaultValue;

    public long? GetIntOrNull(string name) => attributes.TryGetValue(name, out var a) && a.HasI ? a.I : null;

    public float GetFloat(string name, float defaultValue) =>
        attributes.TryGetValue(name, out var a) && a.HasF ? a.F : defaultValue;

    public string GetString(string name, string defaultValue) =>
        attributes.TryGetValue(name, out var a) && a.HasS ? Encoding.UTF8.GetString(a.S.Span) : defaultValue;

    /// <summary>An INTS attribute, or null when absent.</summary>
    public long[]? GetInts(string name) =>
        attributes.TryGetValue(name, out var a) && (a.Ints.Count > 0 || a.Type == AttributeProto.Types.AttributeType.Ints)
            ? a.Ints.ToArray()
            : null;

    public float[]? GetFloats(string name) =>
        attributes.TryGetValue(name, out var a) && (a.Floats.Count > 0 || a.Type == AttributeProto.Types.AttributeType.Floats)
            ? a.Floats.ToArray()
            : null;

    public string[]? GetStrings(string name) =>
        attributes.TryGetValue(name, out var a) && (a.Strings.Count > 0 || a.Type == AttributeProto.Types.AttributeType.Strings)
            ? a.Strings.Select(s => Encoding.UTF8.GetString(s.Span)).ToArray()
            : null;

    /// <summary>A TENSOR attribute (e.g. Constant's <c>value</c>, ConstantOfShape's <c>value</c>).</summary>
    public TensorInfo? GetTensor(string name) => tensors.TryGetValue(name, out var t) ? t : null;
}
