namespace EfficiencyMisnomer.ModelBuilder;

/// <summary>Token encoders on [batch, tokens, dim] inputs, for the paper's parameter-sharing comparison.</summary>
public static class Transformers
{
    /// <summary>
    /// A stack of <paramref name="depth"/> pre-norm encoder blocks (layer norm, multi-head self-attention,
    /// GELU MLP, residuals). With <paramref name="shareWeights"/> every step reads the same initializers, as
    /// a Universal Transformer does: parameters stay those of one block while MACs grow with depth, so
    /// param_uses = depth × params. Otherwise each block owns its weights.
    /// </summary>
    public static ModelBuilder Encoder(int depth, long dim, long heads, long mlpDim, long tokens, bool shareWeights,
        WeightStorage storage = WeightStorage.Zeros)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        var name = shareWeights ? $"universal_encoder_d{depth}" : $"encoder_d{depth}";
        var net = new NetworkBuilder(name, storage);
        var x = net.TokenInput(tokens, dim);
        for (int i = 0; i < depth; i++)
        {
            x = net.EncoderBlock(x, shareWeights ? "layer" : $"layers.{i}", dim, heads, mlpDim, 1e-5f);
        }

        return net.Output(x, tokens, dim);
    }
}
