using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.ModelBuilder;

/// <summary>Decoder-only transformers (LLaMA family) on int64 token ids [batch, seq], both dims symbolic.</summary>
public static class Decoders
{
    /// <summary>The hyperparameters that tell LLaMA variants apart.</summary>
    public sealed record Size(long Vocab, long Dim, int Layers, long Heads, long Hidden)
    {
        /// <summary>
        /// Parameters: token embeddings, per layer q/k/v/o (4·dim²), gate/up/down (3·dim·hidden) and two
        /// norms, the final norm, and the untied lm_head.
        /// </summary>
        public long Params => (Vocab * Dim) + (Layers * ((4 * Dim * Dim) + (3 * Dim * Hidden) + (2 * Dim))) + Dim + (Dim * Vocab);
    }

    /// <summary>LLaMA-7B: vocabulary 32000, dim 4096, 32 layers of 32 heads, SwiGLU hidden 11008: 6,738,415,616 parameters.</summary>
    public static Size Llama7B { get; } = new(32000, 4096, 32, 32, 11008);

    /// <summary>
    /// model.embed_tokens (Gather), <c>Layers</c> decoder layers named model.layers.i as in the Hugging
    /// Face state dict, model.norm, then lm_head to logits [batch, seq, vocab]. With
    /// <see cref="WeightStorage.External"/> every weight lives in one sparse external data file.
    /// </summary>
    public static ModelBuilder Llama(string name, Size size, WeightStorage storage = WeightStorage.External)
    {
        var net = new NetworkBuilder(name, storage);
        var tokens = net.Model.Input("input_ids", ElementType.Int64, "batch", "seq");
        var mask = net.CausalMask(tokens);
        var x = net.Model.Op("Gather", new[] { net.Weight("model.embed_tokens.weight", size.Vocab, size.Dim), tokens }, ("axis", 0L));
        for (int i = 0; i < size.Layers; i++)
        {
            x = net.DecoderLayer(x, mask, $"model.layers.{i}", size.Dim, size.Heads, size.Hidden);
        }

        var logits = net.Projection(net.RmsNorm(x, "model.norm", size.Dim), "lm_head", size.Dim, size.Vocab);
        net.Model.Output(logits, ElementType.Float, "batch", "seq", size.Vocab);
        return net.Model;
    }
}
