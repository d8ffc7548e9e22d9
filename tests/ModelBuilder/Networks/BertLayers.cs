namespace EfficiencyMisnomer.ModelBuilder;

/// <summary>BERT-like post-norm encoders, unfused or fused as ONNX Runtime's transformer optimizer writes them.</summary>
public static class BertLayers
{
    public static ModelBuilder Encoder(int depth, long dim, long heads, long mlpDim, long tokens, EncoderFusion fusion)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        var net = new NetworkBuilder($"bert_{fusion.ToString().ToLowerInvariant()}_d{depth}");
        net.Model.Opset(NetworkBuilder.ContribDomain, 1);
        var x = net.TokenInput(tokens, dim);
        for (int i = 0; i < depth; i++)
        {
            x = fusion == EncoderFusion.Unfused
                ? net.PostNormEncoderLayer(x, $"layer.{i}", dim, heads, mlpDim)
                : net.FusedEncoderLayer(x, $"layer.{i}", dim, heads, mlpDim, fusion == EncoderFusion.MultiHeadAttention);
        }

        return net.Output(x, tokens, dim);
    }
}
