using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.ModelBuilder;

/// <summary>
/// Decoders as ONNX Runtime GenAI's model builder exports them for int4 CPU inference (opset 21 and
/// com.microsoft): every projection a MatMulNBits, attention a GroupQueryAttention with rotary embedding
/// and a KV cache, RMS norms fused with the residual add (SkipSimplifiedLayerNormalization).
/// </summary>
public static class QuantizedDecoders
{
    /// <summary>The bits per quantized weight and the elements per quantization block.</summary>
    public const long Bits = 4, BlockSize = 32;

    private const string Contrib = "com.microsoft";

    /// <summary>The hyperparameters of a GQA decoder; <c>MaxLength</c> sizes the rotary caches.</summary>
    public sealed record Size(long Vocab, long Dim, int Layers, long Heads, long KvHeads, long Intermediate, long MaxLength)
    {
        public long HeadSize => Dim / Heads;

        public long KvDim => HeadSize * KvHeads;

        /// <summary>
        /// Parameters at their logical count: the float embeddings, per layer q/o (2·dim²), k/v (2·dim·kv_dim),
        /// gate/up/down (3·dim·intermediate) and two norms, the final norm, and the lm_head. The rotary caches,
        /// scales and zero points are not parameters.
        /// </summary>
        public long Params => (Vocab * Dim) + (Layers * ((2 * Dim * Dim) + (2 * Dim * KvDim) + (3 * Dim * Intermediate) + (2 * Dim))) + Dim + (Dim * Vocab);
    }

    /// <summary>Vocabulary 512, hidden 64, 2 layers of 4 query and 2 key/value heads, MLP 128, caches of 64 positions.</summary>
    public static Size Tiny { get; } = new(512, 64, 2, 4, 2, 128, 64);

    /// <summary>
    /// input_ids and attention_mask in, logits and present.i.key/value out, past_key_values.i.key/value in,
    /// named and shaped as the GenAI builder does: [batch_size, kv_heads, past_sequence_length, head_size]
    /// caches, an attention mask over total_sequence_length. Weights are seeded random. <paramref name="packed"/>
    /// writes the builder's fused form: one q/k/v projection feeding GroupQueryAttention's packed query, and
    /// int4 embeddings read by GatherBlockQuantized.
    /// </summary>
    public static ModelBuilder Int4(string name, Size size, bool packed = false)
    {
        var model = new ModelBuilder(name, opset: 21, WeightStorage.Random).Opset(Contrib, 1);
        var tokens = model.Input("input_ids", ElementType.Int64, "batch_size", "sequence_length");
        var mask = model.Input("attention_mask", ElementType.Int64, "batch_size", "total_sequence_length");
        var summed = model.Op("ReduceSum", new[] { mask, model.Int64s("one_axis", 1) }, ("keepdims", 0L));
        var seqlens = model.Op("Cast", new[] { model.Op("Sub", new[] { summed, model.Int64s("one", Array.Empty<long>(), new[] { 1L }) }) }, ("to", (long)ElementType.Int32));
        var total = model.Op("Cast", new[] { model.Op("Gather", new[] { model.Op("Shape", new[] { mask }), model.Int64s("mask_length_index", Array.Empty<long>(), new[] { 1L }) }, ("axis", 0L)) },
            ("to", (long)ElementType.Int32));
        var cos = model.Weight("cos_cache", size.MaxLength, size.HeadSize / 2);
        var sin = model.Weight("sin_cache", size.MaxLength, size.HeadSize / 2);

        var residual = packed ? QuantizedEmbedding(model, tokens, size) : model.Op("Gather", new[] { model.Weight("model.embed_tokens.weight", size.Vocab, size.Dim), tokens }, ("axis", 0L));
        var x = model.Node("SimplifiedLayerNormalization", new[] { residual, model.Weight("model.layers.0.input_layernorm.weight", size.Dim) },
            new[] { model.Fresh("input_layernorm") }, ("axis", -1L), ("epsilon", 1e-6f), ("stash_type", 1L));
        for (int i = 0; i < size.Layers; i++)
        {
            var layer = $"model.layers.{i}";
            var (q, k, v) = packed
                ? (Linear(model, x, $"{layer}.attn.qkv_proj", size.Dim, size.Dim + (2 * size.KvDim)), "", "")
                : (Linear(model, x, $"{layer}.attn.q_proj", size.Dim, size.Dim), Linear(model, x, $"{layer}.attn.k_proj", size.Dim, size.KvDim),
                    Linear(model, x, $"{layer}.attn.v_proj", size.Dim, size.KvDim));
            var cache = new object[] { "batch_size", size.KvHeads, "past_sequence_length", size.HeadSize };
            var present = new object[] { "batch_size", size.KvHeads, "total_sequence_length", size.HeadSize };
            var pastKey = model.Input($"past_key_values.{i}.key", ElementType.Float, cache);
            var pastValue = model.Input($"past_key_values.{i}.value", ElementType.Float, cache);
            var attended = model.NodeIn(Contrib, "GroupQueryAttention", new[] { q, k, v, pastKey, pastValue, seqlens, total, cos, sin },
                new[] { model.Fresh("attn"), $"present.{i}.key", $"present.{i}.value" },
                ("num_heads", size.Heads), ("kv_num_heads", size.KvHeads), ("do_rotary", 1L), ("rotary_interleaved", 0L), ("local_window_size", -1L));
            model.Output($"present.{i}.key", ElementType.Float, present);
            model.Output($"present.{i}.value", ElementType.Float, present);
            (x, residual) = SkipNorm(model, Linear(model, attended, $"{layer}.attn.o_proj", size.Dim, size.Dim), residual, $"{layer}.post_attention_layernorm", size.Dim);

            var gate = Linear(model, x, $"{layer}.mlp.gate_proj", size.Dim, size.Intermediate);
            var silu = model.Op("Mul", new[] { gate, model.Op("Sigmoid", new[] { gate }) });
            var up = Linear(model, x, $"{layer}.mlp.up_proj", size.Dim, size.Intermediate);
            var down = Linear(model, model.Op("Mul", new[] { silu, up }), $"{layer}.mlp.down_proj", size.Intermediate, size.Dim);
            var next = i + 1 < size.Layers ? $"model.layers.{i + 1}.input_layernorm" : "model.norm";
            (x, residual) = SkipNorm(model, down, residual, next, size.Dim);
        }

        var logits = model.NodeIn(Contrib, "MatMulNBits", QuantizedInputs(model, x, "lm_head", size.Dim, size.Vocab), new[] { "logits" }, QuantizedAttributes(size.Dim, size.Vocab));
        model.Output(logits, ElementType.Float, "batch_size", "sequence_length", size.Vocab);
        return model;
    }

    /// <summary>Token embeddings as uint8 pairs of 4-bit values [vocab, dim / 2], a scale and zero point per block of a row.</summary>
    private static string QuantizedEmbedding(ModelBuilder model, string tokens, Size size)
    {
        var blocks = size.Dim / BlockSize;
        var inputs = new[]
        {
            model.Initializer("model.embed_tokens.weight_Q4", ElementType.UInt8, new[] { size.Vocab, size.Dim * Bits / 8 }), tokens,
            model.Weight("model.embed_tokens.weight_scales", size.Vocab, blocks),
            model.Initializer("model.embed_tokens.weight_zp", ElementType.UInt8, new[] { size.Vocab, ((blocks * Bits) + 7) / 8 }),
        };
        return model.NodeIn(Contrib, "GatherBlockQuantized", inputs, new[] { model.Fresh("embeddings") },
            ("gather_axis", 0L), ("quantize_axis", 1L), ("block_size", BlockSize), ("bits", Bits));
    }

    /// <summary>A bias-free linear layer: MatMulNBits over a K×N weight in 4-bit blocks with scales and zero points.</summary>
    private static string Linear(ModelBuilder model, string x, string name, long k, long n) =>
        model.NodeIn(Contrib, "MatMulNBits", QuantizedInputs(model, x, name, k, n), new[] { model.Fresh(name.Replace('.', '_')) }, QuantizedAttributes(k, n));

    /// <summary>A, B as [N, blocks, block bytes] uint8, scales [N·blocks], zero points two 4-bit values per byte [N·⌈blocks/2⌉].</summary>
    private static string[] QuantizedInputs(ModelBuilder model, string x, string name, long k, long n)
    {
        var blocks = (k + BlockSize - 1) / BlockSize;
        return new[]
        {
            x,
            model.Initializer($"{name}.MatMul.weight_Q4", ElementType.UInt8, new[] { n, blocks, BlockSize * Bits / 8 }),
            model.Weight($"{name}.MatMul.weight_scales", n * blocks),
            model.Initializer($"{name}.MatMul.weight_zp", ElementType.UInt8, new[] { n * ((blocks + 1) / 2) }),
        };
    }

    private static (string Name, object Value)[] QuantizedAttributes(long k, long n) =>
        new (string, object)[] { ("K", k), ("N", n), ("bits", Bits), ("block_size", BlockSize), ("accuracy_level", 4L) };

    /// <summary>SkipSimplifiedLayerNormalization: the RMS norm of <c>x + residual</c>, and that sum as the next residual.</summary>
    private static (string Normed, string Residual) SkipNorm(ModelBuilder model, string x, string residual, string name, long dim)
    {
        var normed = model.Fresh(name.Replace('.', '_'));
        var sum = model.Fresh("residual");
        model.NodeIn(Contrib, "SkipSimplifiedLayerNormalization", new[] { x, residual, model.Weight($"{name}.weight", dim) },
            new[] { normed, "", "", sum }, ("epsilon", 1e-6f));
        return (normed, sum);
    }
}
