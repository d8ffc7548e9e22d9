using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.ModelBuilder;

/// <summary>Decoder-only (LLaMA-style) layers on [batch, seq, dim]: RMSNorm, causal attention, SwiGLU MLP.</summary>
public sealed partial class NetworkBuilder
{
    /// <summary>
    /// RMSNorm from default-domain operators, as exporters decompose it: x / √(mean(x²) + ε) · weight.
    /// (SimplifiedLayerNormalization is a com.microsoft operator, and RMSNormalization needs opset 23.)
    /// </summary>
    public string RmsNorm(string x, string name, long dim, float epsilon = 1e-6f)
    {
        var squared = Model.Op("Pow", new[] { x, Scalar(2f) });
        var meanSquare = Model.Op("ReduceMean", new[] { squared }, ("axes", new[] { -1L }), ("keepdims", 1L));
        var deviation = Model.Op("Sqrt", new[] { Add(meanSquare, Scalar(epsilon)) });
        var normalized = Model.Op("Div", new[] { x, deviation });
        return Mul(normalized, Weight($"{name}.weight", dim));
    }

    /// <summary>A bias-free linear layer on [batch, seq, in]: MatMul by a weight stored [in, out], as exported.</summary>
    public string Projection(string x, string name, long inFeatures, long outFeatures) =>
        Model.Op("MatMul", new[] { x, Weight($"{name}.weight", inFeatures, outFeatures) });

    /// <summary>
    /// The additive causal mask [seq, seq] of a token input [batch, seq]: −∞ above the diagonal, 0 elsewhere,
    /// built from the input's symbolic length (Shape, Concat, ConstantOfShape, Trilu).
    /// </summary>
    public string CausalMask(string tokens)
    {
        var seq = Model.Op("Shape", new[] { tokens }, ("end", 2L), ("start", 1L));
        var square = Model.Op("Concat", new[] { seq, seq }, ("axis", 0L));
        var fill = ModelBuilder.Tensor(ElementType.Float, new long[] { 1 }, new[] { float.NegativeInfinity });
        var blocked = Model.Op("ConstantOfShape", new[] { square }, ("value", fill));
        return Model.Op("Trilu", new[] { blocked, Int64Scalar(1) }, ("upper", 1L));
    }

    /// <summary>
    /// Bias-free multi-head causal self-attention (q_proj, k_proj, v_proj, o_proj), heads of dim / heads:
    /// softmax(Q·Kᵀ / √head_dim + mask)·V, heads merged. Rotary position embeddings are left out: they
    /// have no parameters and no MACs.
    /// </summary>
    public string CausalSelfAttention(string x, string mask, string name, long dim, long heads)
    {
        var headDim = dim / heads;
        string Heads(string projection, params long[] perm) =>
            Transpose(Reshape(Projection(x, $"{name}.{projection}", dim, dim), 0, 0, heads, headDim), perm);

        var q = Heads("q_proj", 0, 2, 1, 3);
        var kT = Heads("k_proj", 0, 2, 3, 1);
        var v = Heads("v_proj", 0, 2, 1, 3);
        var scores = Mul(Model.Op("MatMul", new[] { q, kT }), Scalar(1f / MathF.Sqrt(headDim)));
        var weights = Model.Op("Softmax", new[] { Add(scores, mask) }, ("axis", -1L));
        var context = Model.Op("MatMul", new[] { weights, v });
        var merged = Reshape(Transpose(context, 0, 2, 1, 3), 0, 0, dim);
        return Projection(merged, $"{name}.o_proj", dim, dim);
    }

    /// <summary>The SwiGLU MLP: down_proj(silu(gate_proj(x)) · up_proj(x)), SiLU as x · sigmoid(x).</summary>
    public string SwiGluMlp(string x, string name, long dim, long hidden)
    {
        var gate = Projection(x, $"{name}.gate_proj", dim, hidden);
        var silu = Mul(gate, Model.Op("Sigmoid", new[] { gate }));
        var up = Projection(x, $"{name}.up_proj", dim, hidden);
        return Projection(Mul(silu, up), $"{name}.down_proj", hidden, dim);
    }

    /// <summary>A pre-norm decoder layer: x + attention(norm(x)), then y + mlp(norm(y)).</summary>
    public string DecoderLayer(string x, string mask, string name, long dim, long heads, long hidden)
    {
        var attended = CausalSelfAttention(RmsNorm(x, $"{name}.input_layernorm", dim), mask, $"{name}.self_attn", dim, heads);
        var y = Add(x, attended);
        return Add(y, SwiGluMlp(RmsNorm(y, $"{name}.post_attention_layernorm", dim), $"{name}.mlp", dim, hidden));
    }
}
