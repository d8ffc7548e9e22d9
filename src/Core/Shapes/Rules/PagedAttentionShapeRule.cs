using System.Globalization;
using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// com.microsoft PagedAttention, attention over the packed tokens of a batch with a block-based KV cache. Query
/// (T, N·H), or Q, K and V packed as (T, (N + 2·G)·H) when key is absent, N = <c>num_heads</c> query heads sharing
/// G = <c>kv_num_heads</c> key/value heads; key and value caches (blocks, block size, G, H), their last dim
/// <c>(H + 1) / 2</c> bytes for the packed 'int4' and 'float4e2m1' cache types; block table (B, blocks per sequence)
/// and cumulative lengths (B + 1). Output (T, N·Hv) in the query's type, Hv = H, or <c>v_head_size</c> (at most H)
/// with the 'LATENT' layout, which has one cache, one key/value head and no value; key_cache_out and value_cache_out
/// alias the caches.
/// </summary>
internal sealed class PagedAttentionShapeRule : IShapeRule
{
    private const int KeyCacheInput = 3;
    private const int ValueCacheInput = 4;
    private const int LengthsInput = 5;
    private const int BlockTableInput = 7;
    private const int ValueCacheOutput = 2;
    private static readonly string[] PackedCacheTypes = { "int4", "float4e2m1" };

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "PagedAttention" };

    public void Infer(ShapeContext context)
    {
        var type = context.RequireType(0);
        var query = context.RequireShape(0);
        if (query.Rank != 2)
        {
            throw context.Invalid($"query {query} is not (tokens, hidden)");
        }

        var heads = AttentionMath.Heads(context);
        var kvHeads = AttentionMath.Heads(context, "kv_num_heads");
        var latent = Latent(context, heads, kvHeads);
        var headSize = AttentionMath.PerHead(context, query[1], context.HasInput(1) || latent ? heads : heads + (2 * kvHeads));
        if (context.InputType(1)?.Shape is { } key && (key.Rank != 2 || ShapeMath.Differ(key[0], query[0]) || ShapeMath.Differ(key[1], AttentionMath.Times(context, headSize, kvHeads))))
        {
            throw context.Invalid($"key {key} is not ({query[0]}, {Text(kvHeads)} · head size {headSize})");
        }

        var valueHead = context.Attributes.GetInt("v_head_size", 0);
        if (valueHead < 0 || (valueHead > 0 && !latent) || (headSize.IsKnown && valueHead > headSize.Value))
        {
            throw context.Invalid($"v_head_size {Text(valueHead)} is valid only with the LATENT layout, and at most the head size {headSize}");
        }

        CheckCache(context, KeyCacheInput, "k_cache_dtype", kvHeads, headSize);
        CheckCache(context, ValueCacheInput, "v_cache_dtype", kvHeads, headSize);
        CheckBatch(context);
        var width = valueHead > 0 ? Dim.Of(checked(heads * valueHead)) : AttentionMath.Times(context, headSize, heads);
        context.SetOutput(0, type.ElementType, new TensorShape(new[] { query[0], width }));
        foreach (var (input, output) in new[] { (KeyCacheInput, 1), (ValueCacheInput, ValueCacheOutput) })
        {
            if (context.InputType(input) is { } cache)
            {
                context.SetOutput(output, cache);
            }
        }
    }

    /// <summary>Whether the node uses the 'LATENT' layout, whose single cache serves one key/value head.</summary>
    private static bool Latent(ShapeContext context, long heads, long kvHeads)
    {
        var layout = context.Attributes.GetString("kv_cache_layout", "SEPARATE");
        if (layout is not ("SEPARATE" or "LATENT"))
        {
            throw context.Invalid($"kv_cache_layout '{layout}' is neither SEPARATE nor LATENT");
        }

        bool valueCacheOut = context.OutputCount > ValueCacheOutput && context.Node.Outputs[ValueCacheOutput].Length > 0;
        if (layout == "LATENT" && (kvHeads != 1 || context.HasInput(2) || context.HasInput(ValueCacheInput) || valueCacheOut))
        {
            throw context.Invalid($"the LATENT layout takes kv_num_heads 1 (not {Text(kvHeads)}) and no value, value_cache or value_cache_out");
        }

        if (layout == "SEPARATE" && heads % kvHeads != 0)
        {
            throw context.Invalid($"{Text(heads)} query heads do not group into {Text(kvHeads)} key/value heads");
        }

        return layout == "LATENT";
    }

    private static void CheckCache(ShapeContext context, int input, string dtypeAttribute, long kvHeads, Dim headSize)
    {
        if (context.InputType(input)?.Shape is not { } cache)
        {
            return;
        }

        var packed = PackedCacheTypes.Contains(context.Attributes.GetString(dtypeAttribute, ""), StringComparer.Ordinal);
        var width = packed && headSize.IsKnown ? Dim.Of((headSize.Value + 1) / 2) : headSize;
        if (cache.Rank != 4 || ShapeMath.Differ(cache[2], Dim.Of(kvHeads)) || ShapeMath.Differ(cache[3], width))
        {
            throw context.Invalid($"cache {cache} is not (blocks, block size, {Text(kvHeads)}, {width})");
        }
    }

    /// <summary>The block table has a row and the cumulative lengths an entry past the first per sequence.</summary>
    private static void CheckBatch(ShapeContext context)
    {
        var (lengths, table) = (context.InputType(LengthsInput)?.Shape, context.InputType(BlockTableInput)?.Shape);
        if (lengths is { Rank: not 1 } || table is { Rank: not 2 }
            || (lengths is not null && table is not null && lengths[0].IsKnown && table[0].IsKnown && lengths[0].Value != table[0].Value + 1))
        {
            throw context.Invalid($"cumulative_sequence_length {lengths?.ToString() ?? "?"} must be (batch + 1) and block_table {table?.ToString() ?? "?"} (batch, blocks per sequence)");
        }
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
