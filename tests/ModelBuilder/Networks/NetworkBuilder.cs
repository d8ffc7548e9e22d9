using System.Globalization;
using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.ModelBuilder;

/// <summary>
/// Layers as torch defines them, written as the ONNX nodes torch's exporter emits (opset 17, batch
/// normalization unfused). Weights are named after torch's state dict so a graph reads like its module.
/// </summary>
public sealed partial class NetworkBuilder
{
    private readonly Dictionary<string, string> constants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long[]> weights = new(StringComparer.Ordinal);

    public NetworkBuilder(string name, WeightStorage storage = WeightStorage.Zeros)
    {
        Model = new ModelBuilder(name, opset: 17, storage);
    }

    /// <summary>The underlying writer; call Save or Load on it once the network is complete.</summary>
    public ModelBuilder Model { get; }

    /// <summary>Declares the input <c>input</c>: float [batch, channels, size, size] with a symbolic batch.</summary>
    public string ImageInput(long channels = 3, long size = 224) =>
        Model.Input("input", ElementType.Float, "batch", channels, size, size);

    /// <summary>Declares the input <c>input</c>: float [batch, tokens, dim] with a symbolic batch.</summary>
    public string TokenInput(long tokens, long dim) => Model.Input("input", ElementType.Float, "batch", tokens, dim);

    /// <summary>Declares a value as the graph output, shaped [batch, dims...].</summary>
    public ModelBuilder Output(string value, params long[] dims)
    {
        Model.Output(value, ElementType.Float, new object[] { "batch" }.Concat(dims.Cast<object>()).ToArray());
        return Model;
    }

    /// <summary>
    /// A float weight initializer. Asking again for a name already written reuses that initializer, which
    /// is how shared layers (Universal Transformer) read the same weights at every step.
    /// </summary>
    public string Weight(string name, params long[] dims)
    {
        if (weights.TryGetValue(name, out var existing))
        {
            return existing.SequenceEqual(dims)
                ? name
                : throw new InvalidOperationException($"Weight '{name}' is reused with dims [{string.Join(", ", dims)}], but was [{string.Join(", ", existing)}].");
        }

        weights[name] = dims;
        return Model.Weight(name, dims);
    }

    /// <summary>
    /// A float scalar as a Constant node, one per value. A one-element Constant is not a parameter,
    /// whereas a float initializer would be counted as one.
    /// </summary>
    public string Scalar(float value)
    {
        var key = "f:" + value.ToString("R", CultureInfo.InvariantCulture);
        if (!constants.TryGetValue(key, out var name))
        {
            name = Model.Fresh("scalar");
            Model.Node("Constant", Array.Empty<string>(), new[] { name },
                ("value", ModelBuilder.Tensor(ElementType.Float, Array.Empty<long>(), new[] { value })));
            constants[key] = name;
        }

        return name;
    }

    /// <summary>An int64 vector initializer (Reshape targets, Split sizes), one per distinct content.</summary>
    public string Int64s(params long[] values) => Int64Constant(new long[] { values.Length }, values);

    /// <summary>An int64 scalar initializer (Gather indices).</summary>
    public string Int64Scalar(long value) => Int64Constant(Array.Empty<long>(), new[] { value });

    private string Int64Constant(long[] dims, long[] values)
    {
        var key = $"i{dims.Length}:" + string.Join(",", values);
        if (!constants.TryGetValue(key, out var name))
        {
            name = Model.Int64s(Model.Fresh("shape"), dims, values);
            constants[key] = name;
        }

        return name;
    }

    public string Add(string a, string b) => Model.Op("Add", new[] { a, b });

    public string Mul(string a, string b) => Model.Op("Mul", new[] { a, b });

    public string Relu(string x) => Model.Op("Relu", new[] { x });

    /// <summary>ReLU6 as torch exports it at opset 17: Clip with min and max inputs.</summary>
    public string Relu6(string x) => Model.Op("Clip", new[] { x, Scalar(0f), Scalar(6f) });

    public string HardSwish(string x) => Model.Op("HardSwish", new[] { x });

    /// <summary>Exact GELU in the erf form torch exports: x · 0.5 · (1 + erf(x / √2)).</summary>
    public string Gelu(string x)
    {
        var scaled = Model.Op("Div", new[] { x, Scalar(MathF.Sqrt(2f)) });
        var erf = Model.Op("Erf", new[] { scaled });
        var shifted = Add(erf, Scalar(1f));
        return Mul(Mul(x, shifted), Scalar(0.5f));
    }

    public string Reshape(string x, params long[] target) => Model.Op("Reshape", new[] { x, Int64s(target) });

    public string Transpose(string x, params long[] perm) => Model.Op("Transpose", new[] { x }, ("perm", perm));

    public string Flatten(string x) => Model.Op("Flatten", new[] { x }, ("axis", 1L));
}
