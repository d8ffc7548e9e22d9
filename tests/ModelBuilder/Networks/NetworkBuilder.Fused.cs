namespace EfficiencyMisnomer.ModelBuilder;

/// <summary>
/// BERT's post-norm encoder layer, unfused (default-domain nodes, as torch exports it) and as ONNX Runtime's
/// transformer optimizer fuses it into com.microsoft operators.
/// </summary>
public sealed partial class NetworkBuilder
{
    public const string ContribDomain = "com.microsoft";

    /// <summary>A com.microsoft node with one fresh output.</summary>
    public string Contrib(string opType, string[] inputs, params (string Name, object Value)[] attributes) =>
        Model.NodeIn(ContribDomain, opType, inputs, new[] { Model.Fresh(opType.ToLowerInvariant()) }, attributes);

    /// <summary>x' = LayerNorm(x + attention(x)); out = LayerNorm(x' + MLP(x')), the MLP with an erf GELU.</summary>
    public string PostNormEncoderLayer(string x, string name, long dim, long heads, long mlpDim)
    {
        var attended = SelfAttention(x, $"{name}.attention", dim, heads);
        var y = LayerNorm(Add(x, attended), $"{name}.ln_1", dim);
        var hidden = Gelu(TokenLinear(y, $"{name}.mlp.0", dim, mlpDim));
        return LayerNorm(Add(y, TokenLinear(hidden, $"{name}.mlp.3", mlpDim, dim)), $"{name}.ln_2", dim);
    }

    /// <summary>
    /// The same layer fused: Attention (packed in_proj) or three MatMuls and MultiHeadAttention, the out_proj
    /// MatMul, SkipLayerNormalization taking the out_proj bias, MatMul, BiasGelu, MatMul, SkipLayerNormalization.
    /// </summary>
    public string FusedEncoderLayer(string x, string name, long dim, long heads, long mlpDim, bool multiHeadAttention)
    {
        string attention;
        var prefix = $"{name}.attention";
        if (multiHeadAttention)
        {
            var q = Model.Op("MatMul", new[] { x, Weight($"{prefix}.q_weight", dim, dim) });
            var k = Model.Op("MatMul", new[] { x, Weight($"{prefix}.k_weight", dim, dim) });
            var v = Model.Op("MatMul", new[] { x, Weight($"{prefix}.v_weight", dim, dim) });
            attention = Contrib("MultiHeadAttention", new[] { q, k, v, Weight($"{prefix}.in_proj_bias", 3 * dim) }, ("num_heads", heads));
        }
        else
        {
            attention = Contrib("Attention", new[] { x, Weight($"{prefix}.in_proj_weight", dim, 3 * dim), Weight($"{prefix}.in_proj_bias", 3 * dim) },
                ("num_heads", heads));
        }

        var projected = Model.Op("MatMul", new[] { attention, Weight($"{prefix}.out_proj.weight", dim, dim) });
        var y = Contrib("SkipLayerNormalization",
            new[] { projected, x, Weight($"{name}.ln_1.weight", dim), Weight($"{name}.ln_1.bias", dim), Weight($"{prefix}.out_proj.bias", dim) });
        var hidden = Contrib("BiasGelu", new[] { Model.Op("MatMul", new[] { y, Weight($"{name}.mlp.0.weight", dim, mlpDim) }), Weight($"{name}.mlp.0.bias", mlpDim) });
        var output = Model.Op("MatMul", new[] { hidden, Weight($"{name}.mlp.3.weight", mlpDim, dim) });
        return Contrib("SkipLayerNormalization",
            new[] { output, y, Weight($"{name}.ln_2.weight", dim), Weight($"{name}.ln_2.bias", dim), Weight($"{name}.mlp.3.bias", dim) });
    }
}
