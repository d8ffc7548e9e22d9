namespace EfficiencyMisnomer.ModelBuilder;

/// <summary>torchvision's VisionTransformer at any size, on 224x224 images with 1000 classes.</summary>
public static class VisionTransformer
{
    private const long ImageSize = 224;
    private const long Classes = 1000;
    private const float Epsilon = 1e-6f;

    /// <summary>The hyperparameters that tell ViT variants apart.</summary>
    public sealed record Size(long Patch, int Depth, long Dim, long Heads, long MlpDim)
    {
        /// <summary>Patches plus the class token.</summary>
        public long Tokens => ((ImageSize / Patch) * (ImageSize / Patch)) + 1;
    }

    /// <summary>
    /// Patch embedding (conv_proj), class token, position embedding, <c>Depth</c> encoder blocks, final
    /// layer norm, the class token's features through heads.head.
    /// </summary>
    public static ModelBuilder Build(string name, Size size, WeightStorage storage = WeightStorage.Zeros)
    {
        var net = new NetworkBuilder(name, storage);
        var dim = size.Dim;
        var patches = net.Conv(net.ImageInput(), "conv_proj", 3, dim, size.Patch, size.Patch, bias: true);
        var tokens = net.Transpose(net.Reshape(patches, 0, dim, -1), 0, 2, 1);

        // class_token.expand(batch, -1, -1): Expand to [batch, 1, 1] keeps the batch symbolic.
        var batch = net.Model.Op("Shape", new[] { tokens }, ("end", 1L), ("start", 0L));
        var expandShape = net.Model.Op("Concat", new[] { batch, net.Int64s(1, 1) }, ("axis", 0L));
        var classToken = net.Model.Op("Expand", new[] { net.Weight("class_token", 1, 1, dim), expandShape });
        var sequence = net.Model.Op("Concat", new[] { classToken, tokens }, ("axis", 1L));

        var x = net.Add(sequence, net.Weight("encoder.pos_embedding", 1, size.Tokens, dim));
        for (int i = 0; i < size.Depth; i++)
        {
            x = net.EncoderBlock(x, $"encoder.layers.encoder_layer_{i}", dim, size.Heads, size.MlpDim, Epsilon);
        }

        x = net.LayerNorm(x, "encoder.ln", dim, Epsilon);
        var classFeatures = net.Model.Op("Gather", new[] { x, net.Int64Scalar(0) }, ("axis", 1L));
        return net.Output(net.Linear(classFeatures, "heads.head", dim, Classes), Classes);
    }
}
