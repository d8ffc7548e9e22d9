namespace EfficiencyMisnomer.ModelBuilder;

/// <summary>Transformer layers on [batch, tokens, dim] inputs: linear, layer norm, attention, MLP, encoder block.</summary>
public sealed partial class NetworkBuilder
{
    /// <summary>
    /// nn.Linear on a 3-D input, as MatMul then Add. The weight is stored [in, out]: torch's exporter folds
    /// the transpose of its [out, in] weight into the initializer. Same element count either way.
    /// </summary>
    public string TokenLinear(string x, string name, long inFeatures, long outFeatures, string weightName = "weight", string biasName = "bias")
    {
        var product = Model.Op("MatMul", new[] { x, Weight($"{name}.{weightName}", inFeatures, outFeatures) });
        return Add(product, Weight($"{name}.{biasName}", outFeatures));
    }

    /// <summary>nn.LayerNorm over the last axis (LayerNormalization, opset 17).</summary>
    public string LayerNorm(string x, string name, long dim, float epsilon = 1e-5f) =>
        Model.Op("LayerNormalization", new[] { x, Weight($"{name}.weight", dim), Weight($"{name}.bias", dim) },
            ("axis", -1L), ("epsilon", epsilon));

    /// <summary>
    /// Batch-first nn.MultiheadAttention on one sequence (self-attention, no mask), computed as torch does:
    /// packed in_proj (weight [dim, 3·dim] as exported, bias [3·dim]) split into Q, K, V, each reshaped to
    /// [batch, heads, tokens, head_dim]; softmax(Q·Kᵀ / √head_dim)·V; heads merged; out_proj.
    /// </summary>
    public string SelfAttention(string x, string name, long dim, long heads)
    {
        var headDim = dim / heads;
        var packed = TokenLinear(x, name, dim, 3 * dim, "in_proj_weight", "in_proj_bias");
        var qkv = new[] { Model.Fresh("q"), Model.Fresh("k"), Model.Fresh("v") };
        Model.Node("Split", new[] { packed, Int64s(dim, dim, dim) }, qkv, ("axis", -1L));

        var q = Transpose(Reshape(qkv[0], 0, 0, heads, headDim), 0, 2, 1, 3);
        var kT = Transpose(Reshape(qkv[1], 0, 0, heads, headDim), 0, 2, 3, 1);
        var v = Transpose(Reshape(qkv[2], 0, 0, heads, headDim), 0, 2, 1, 3);

        var scores = Model.Op("MatMul", new[] { q, kT });
        var scaled = Mul(scores, Scalar(1f / MathF.Sqrt(headDim)));
        var weights = Model.Op("Softmax", new[] { scaled }, ("axis", -1L));
        var context = Model.Op("MatMul", new[] { weights, v });

        var merged = Reshape(Transpose(context, 0, 2, 1, 3), 0, 0, dim);
        return TokenLinear(merged, $"{name}.out_proj", dim, dim);
    }

    /// <summary>torchvision's MLPBlock: Linear <c>name.0</c>, GELU, Linear <c>name.3</c> (dropouts are identity in eval).</summary>
    public string Mlp(string x, string name, long dim, long mlpDim)
    {
        var hidden = Gelu(TokenLinear(x, $"{name}.0", dim, mlpDim));
        return TokenLinear(hidden, $"{name}.3", mlpDim, dim);
    }

    /// <summary>torchvision's pre-norm EncoderBlock: x + attention(ln_1(x)), then y + mlp(ln_2(y)).</summary>
    public string EncoderBlock(string x, string name, long dim, long heads, long mlpDim, float epsilon)
    {
        var attended = SelfAttention(LayerNorm(x, $"{name}.ln_1", dim, epsilon), $"{name}.self_attention", dim, heads);
        var y = Add(x, attended);
        return Add(y, Mlp(LayerNorm(y, $"{name}.ln_2", dim, epsilon), $"{name}.mlp", dim, mlpDim));
    }
}
