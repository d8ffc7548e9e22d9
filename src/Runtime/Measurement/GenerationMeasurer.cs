using System.Diagnostics;
using EfficiencyMisnomer.CostModel;
using EfficiencyMisnomer.Indicators;
using EfficiencyMisnomer.Onnx;
using EfficiencyMisnomer.Runtime.Inputs;
using EfficiencyMisnomer.Runtime.Reports;
using EfficiencyMisnomer.Shapes;
using Microsoft.ML.OnnxRuntime;
using Pragmastat;

namespace EfficiencyMisnomer.Runtime.Measurement;

/// <summary>
/// Times generation with plain ONNX Runtime, for any decoder with a KV cache: the prefill (the prompt into an empty
/// cache; its time is the time to first token) and then <see cref="Generation.NewTokens"/> decode steps of one token,
/// each fed the previous step's <c>present</c> outputs as its <c>past</c> inputs, a mask over every position so far and
/// position ids that count on. One generation is one sample of <c>ttft</c> and one of <c>tpot</c> (the mean decode
/// step); the first generation warms up and is not kept. Generations repeat until the time cap, at least
/// <see cref="MinimumGenerations"/> of them. Only <see cref="InferenceSession.Run(RunOptions, IReadOnlyCollection{string}, IReadOnlyCollection{OrtValue}, IReadOnlyCollection{string})"/>
/// is timed; the small per-step tensors are made before it.
/// </summary>
public static class GenerationMeasurer
{
    /// <summary>The fewest generations kept, whatever the time cap.</summary>
    public const int MinimumGenerations = 5;

    /// <summary>The most generations kept.</summary>
    public const int MaximumGenerations = 200;

    /// <summary>
    /// <c>ttft</c>, <c>tpot</c>, <c>tokens_per_s.prefill</c> and <c>tokens_per_s.decode</c> of <paramref name="measured"/>,
    /// whose bindings are the prefill's (<see cref="Generation.Step"/>) and whose inputs <paramref name="prefill"/> holds.
    /// </summary>
    public static IReadOnlyList<MeasuredIndicator> Measure(MeasurementCase measured, Generation generation, InferenceSession session,
        BoundInputs bound, GeneratedInputs prefill, MeasurementOptions options)
    {
        ArgumentNullException.ThrowIfNull(measured);
        ArgumentNullException.ThrowIfNull(generation);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(bound);
        ArgumentNullException.ThrowIfNull(prefill);
        ArgumentNullException.ThrowIfNull(options);
        var outputs = session.OutputMetadata.Keys.ToArray();
        var inputs = prefill.Tensors.Select(t => t.Name).ToArray();
        var feedback = outputs
            .Where(o => o.StartsWith(generation.PresentPrefix, StringComparison.Ordinal))
            .Select(o => (Present: o, Past: generation.PastPrefix + o[generation.PresentPrefix.Length..]))
            .Where(p => inputs.Contains(p.Past, StringComparer.Ordinal))
            .ToDictionary(p => p.Past, p => Array.IndexOf(outputs, p.Present), StringComparer.Ordinal);
        var steps = Steps(measured, generation, bound, prefill, feedback.Keys);
        try
        {
            var ttft = new List<double>();
            var tpot = new List<double>();
            var deadline = Stopwatch.GetTimestamp() + (long)(options.TimeCap.TotalSeconds * Stopwatch.Frequency);
            using var runOptions = new RunOptions();
            for (int run = 0; run <= MaximumGenerations; run++)
            {
                var (first, perToken) = GenerateOnce(session, runOptions, inputs, outputs, prefill, steps, feedback);
                if (run > 0)
                {
                    ttft.Add(first);
                    tpot.Add(perToken);
                }

                if (ttft.Count >= MinimumGenerations && Stopwatch.GetTimestamp() >= deadline)
                {
                    break;
                }
            }

            var batch = bound.Batch;
            var firstToken = LatencyStatistics.Of(LatencyStatistic.P50, new Sample(ttft), options.Confidence);
            var perOutputToken = LatencyStatistics.Of(LatencyStatistic.P50, new Sample(tpot), options.Confidence);
            return new[]
            {
                From(RuntimeIndicators.TimeToFirstToken, firstToken),
                From(RuntimeIndicators.TimePerOutputToken, perOutputToken),
                From(RuntimeIndicators.PrefillTokensPerSecond, firstToken.PerSecond(batch * generation.Prompt)),
                From(RuntimeIndicators.DecodeTokensPerSecond, perOutputToken.PerSecond(batch)),
            };
        }
        finally
        {
            foreach (var step in steps)
            {
                foreach (var value in step.Values)
                {
                    value.Dispose();
                }
            }
        }
    }

    /// <summary>
    /// The inputs of each decode step other than the cache: ids of one token, the mask over the positions so far,
    /// position ids counting on; inputs that do not change with the step keep the prefill's tensor (null here).
    /// </summary>
    private static List<Dictionary<string, OrtValue>> Steps(MeasurementCase measured, Generation generation, BoundInputs bound, GeneratedInputs prefill,
        IEnumerable<string> caches)
    {
        var cached = caches.ToHashSet(StringComparer.Ordinal);
        var steps = new List<Dictionary<string, OrtValue>>();
        try
        {
            for (long i = 0; i < generation.NewTokens; i++)
            {
                var past = generation.Prompt + i;
                var shapes = generation.Step(measured.Model, measured.SpecBindings ?? measured.Bindings, 1, past);
                var step = new Dictionary<string, OrtValue>(StringComparer.Ordinal);
                steps.Add(step);
                foreach (var tensor in prefill.Tensors.Where(t => !cached.Contains(t.Name) && shapes.Inputs.ContainsKey(t.Name)))
                {
                    var sizes = shapes.Inputs[tensor.Name];
                    var fill = tensor.Name.Contains("position_id", StringComparison.OrdinalIgnoreCase) ? InputFill.Constant(past, "position ids")
                        : bound.Fills.GetValueOrDefault(tensor.Name) ?? InputFill.Constant(0, "ids");
                    var type = new TensorType(tensor.Type.ElementType, TensorShape.Of(sizes));
                    step[tensor.Name] = TensorFiller.Create(tensor.Name, type, fill, measured.Inputs, new Random(unchecked(measured.Inputs.Seed + (int)i)));
                }
            }
        }
        catch
        {
            steps.ForEach(s => s.Values.ToList().ForEach(v => v.Dispose()));
            throw;
        }

        return steps;
    }

    /// <summary>One generation: the prefill's time and the mean time of the decode steps, in milliseconds.</summary>
    private static (double FirstToken, double PerToken) GenerateOnce(InferenceSession session, RunOptions runOptions, string[] inputs, string[] outputs,
        GeneratedInputs prefill, List<Dictionary<string, OrtValue>> steps, Dictionary<string, int> feedback)
    {
        var values = prefill.Tensors.Select(t => t.Value).ToArray();
        var start = Stopwatch.GetTimestamp();
        var previous = session.Run(runOptions, inputs, values, outputs);
        var firstToken = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        double decoding = 0;
        try
        {
            foreach (var step in steps)
            {
                var fed = inputs.Select((name, i) => feedback.TryGetValue(name, out var output) ? previous[output]
                    : step.TryGetValue(name, out var value) ? value : values[i]).ToArray();
                var before = Stopwatch.GetTimestamp();
                var next = session.Run(runOptions, inputs, fed, outputs);
                decoding += Stopwatch.GetElapsedTime(before).TotalMilliseconds;
                previous.Dispose();
                previous = next;
            }
        }
        finally
        {
            previous.Dispose();
        }

        return (firstToken, steps.Count == 0 ? 0 : decoding / steps.Count);
    }

    private static MeasuredIndicator From(Indicator indicator, Estimate estimate) =>
        new(indicator, estimate.Value, estimate.Lower, estimate.Upper, estimate.Samples, Stable: true);
}
