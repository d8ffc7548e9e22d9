using EfficiencyMisnomer.Graph;
using EfficiencyMisnomer.Shapes;
using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.CostModel;

/// <summary>
/// How a decoder with a KV cache generates: a prompt of <paramref name="Prompt"/> tokens in one prefill step, then
/// <paramref name="NewTokens"/> decode steps of one token, each feeding the previous step's <c>present</c> outputs back
/// as its <c>past</c> inputs (ONNX Runtime GenAI's convention: inputs <c>past_key_values.*</c>, outputs
/// <c>present.*</c>; other names by prefix). The static engine costs the prefill and the last decode step, and sizes
/// the cache at the final length.
/// </summary>
/// <param name="Prompt">Tokens in the prompt (at least 1).</param>
/// <param name="NewTokens">Tokens generated after it (at least 1).</param>
/// <param name="PastPrefix">Names of the cache inputs start with this.</param>
/// <param name="PresentPrefix">Names of the cache outputs start with this.</param>
public sealed record Generation(long Prompt, long NewTokens, string PastPrefix = Generation.GenAiPast, string PresentPrefix = Generation.GenAiPresent)
{
    public const string GenAiPast = "past_key_values.", GenAiPresent = "present.";

    /// <summary>The sequence length after the last token: prompt plus new tokens.</summary>
    public long FinalLength => Prompt + NewTokens;

    /// <summary>
    /// The bindings of one step: <paramref name="sequence"/> new tokens after <paramref name="past"/> cached ones. Cache
    /// inputs take the past length in every symbolic dimension but the leading (the batch); masks cover past and new
    /// tokens; other rank-2 inputs (ids, position ids) the new tokens. Shapes are given whole, over the spec's own
    /// bindings; the batch is the spec's binding of the leading symbol, else 1.
    /// </summary>
    public ShapeBindings Step(OnnxModel model, ShapeBindings bindings, long sequence, long past)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(bindings);
        var inputs = new Dictionary<string, long[]>(bindings.Inputs, StringComparer.Ordinal);
        foreach (var input in model.Graph.Inputs)
        {
            if (input.Type?.Shape is not { Rank: > 0 } shape || bindings.Inputs.ContainsKey(input.Name))
            {
                continue;
            }

            var batch = shape[0].IsKnown ? shape[0].Value : bindings.Symbols.GetValueOrDefault(shape[0].Symbol!, 1);
            if (input.Name.StartsWith(PastPrefix, StringComparison.Ordinal))
            {
                inputs[input.Name] = shape.Select((dim, axis) => axis == 0 ? batch : dim.IsKnown ? dim.Value : past).ToArray();
            }
            else if (shape.Rank == 2 && !shape[1].IsKnown)
            {
                inputs[input.Name] = new[] { batch, IsMask(input.Name) ? past + sequence : sequence };
            }
        }

        return new ShapeBindings(bindings.Symbols, inputs) { Fills = bindings.Fills };
    }

    /// <summary>
    /// Bytes of the cache at the final length: every cache input with its symbolic dimensions but the batch at
    /// <see cref="FinalLength"/>; null when the model has no input named as a cache.
    /// </summary>
    public long? CacheBytes(OnnxModel model, ShapeBindings bindings)
    {
        ArgumentNullException.ThrowIfNull(model);
        var final = Step(model, bindings, 0, FinalLength);
        var caches = model.Graph.Inputs.Where(i => i.Name.StartsWith(PastPrefix, StringComparison.Ordinal) && final.Inputs.ContainsKey(i.Name)).ToList();
        return caches.Count == 0 ? null
            : caches.Aggregate(0L, (sum, i) => checked(sum + i.Type!.ElementType.ByteSize(final.Inputs[i.Name].Aggregate(1L, (a, b) => checked(a * b)))));
    }

    private static bool IsMask(string name) => name.Contains("mask", StringComparison.OrdinalIgnoreCase);
}
