using System.Diagnostics;
using EfficiencyMisnomer.CostModel;
using EfficiencyMisnomer.Indicators;
using EfficiencyMisnomer.Runtime.Inputs;
using EfficiencyMisnomer.Runtime.Sessions;
using Microsoft.ML.OnnxRuntime;
using Pragmastat;

namespace EfficiencyMisnomer.Runtime.Measurement;

/// <summary>
/// Times generation with plain ONNX Runtime, for any decoder with a KV cache: the prefill (the prompt into an empty
/// cache; its time is the time to first token) and then <see cref="Generation.NewTokens"/> decode steps of one token,
/// each fed the previous step's <c>present</c> outputs as its <c>past</c> inputs, a mask over every position so far and
/// position ids that count on. One generation is one sample of <c>ttft</c> and one of <c>tpot</c> (the mean decode
/// step); the first generation warms up and is not kept. Generations repeat until the time cap, at least
/// <see cref="MinimumGenerations"/> of them. A watchdog stops a single generation that outlives the time cap by more
/// than its grace (a decode step that never returns), which is then <c>EM3010</c> like any stopped inference. Only <see cref="InferenceSession.Run(RunOptions, IReadOnlyCollection{string}, IReadOnlyCollection{OrtValue}, IReadOnlyCollection{string})"/>
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
        ArgumentNullException.ThrowIfNull(options);
        using var side = new Generator(measured, generation, session, bound, prefill);
        var timed = Repeat(new[] { side }, options, order: null, ofFirst: null)[0];
        return Indicators(timed, side, options);
    }

    /// <summary>
    /// Generation of a head and its base, interleaved as the latency rounds are: each round one generation of each side,
    /// in a random order, so that the load of a shared machine falls on both alike. Each side's indicators, and each
    /// side's per-round times, from which the caller forms the paired ratios head / base.
    /// </summary>
    /// <param name="baseSide">The base's generator; its failures go through <paramref name="ofBase"/>.</param>
    /// <param name="headSide">The head's generator.</param>
    /// <param name="options">The time cap and confidence.</param>
    /// <param name="order">Draws which side goes first in each round.</param>
    /// <param name="ofBase">Turns a failure of the base into the base's error.</param>
    public static PairedGeneration MeasurePaired(Generator baseSide, Generator headSide, MeasurementOptions options, Random order,
        Func<Diagnostics.EfficiencyException, Exception> ofBase)
    {
        ArgumentNullException.ThrowIfNull(baseSide);
        ArgumentNullException.ThrowIfNull(headSide);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(ofBase);
        var timed = Repeat(new[] { baseSide, headSide }, options, order, ofBase);
        return new PairedGeneration(Indicators(timed[0], baseSide, options), Indicators(timed[1], headSide, options), timed[0], timed[1]);
    }

    /// <summary>
    /// Generations of every side, one per side per round in <paramref name="order"/>'s random order, until the time cap
    /// once each side has <see cref="MinimumGenerations"/>; each side's first generation warms up and is not kept. The
    /// watchdog restarts each round: one round may take the cap and its grace. <paramref name="ofFirst"/> turns a failure of
    /// the first side (the base) into that side's error.
    /// </summary>
    private static GenerationTimes[] Repeat(Generator[] sides, MeasurementOptions options, Random? order, Func<Diagnostics.EfficiencyException, Exception>? ofFirst)
    {
        var timed = sides.Select(_ => new GenerationTimes(new List<double>(), new List<double>())).ToArray();
        var deadline = Stopwatch.GetTimestamp() + (long)(options.TimeCap.TotalSeconds * Stopwatch.Frequency);
        using var runOptions = new RunOptions();
        using var watchdog = new Watchdog(runOptions, Watchdog.Deadline(options.TimeCap));
        for (int run = 0; run <= MaximumGenerations; run++)
        {
            watchdog.Restart(Watchdog.Deadline(options.TimeCap));
            var first = order?.Next(sides.Length) ?? 0;
            for (var turn = 0; turn < sides.Length; turn++)
            {
                var s = (first + turn) % sides.Length;
                double firstToken, perToken;
                try
                {
                    (firstToken, perToken) = sides[s].Once(runOptions, watchdog);
                }
                catch (Diagnostics.EfficiencyException e) when (s == 0 && ofFirst is not null)
                {
                    throw ofFirst(e);
                }

                if (run > 0)
                {
                    timed[s].FirstToken.Add(firstToken);
                    timed[s].PerToken.Add(perToken);
                }
            }

            if (timed[0].FirstToken.Count >= MinimumGenerations && Stopwatch.GetTimestamp() >= deadline)
            {
                break;
            }
        }

        return timed;
    }

    private static MeasuredIndicator[] Indicators(GenerationTimes timed, Generator side, MeasurementOptions options)
    {
        var firstToken = LatencyStatistics.Of(LatencyStatistic.P50, new Sample(timed.FirstToken), options.Confidence);
        var perOutputToken = LatencyStatistics.Of(LatencyStatistic.P50, new Sample(timed.PerToken), options.Confidence);
        return new[]
        {
            From(RuntimeIndicators.TimeToFirstToken, firstToken),
            From(RuntimeIndicators.TimePerOutputToken, perOutputToken),
            From(RuntimeIndicators.PrefillTokensPerSecond, firstToken.PerSecond(side.Batch * side.Plan.Prompt)),
            From(RuntimeIndicators.DecodeTokensPerSecond, perOutputToken.PerSecond(side.Batch)),
        };
    }

    private static MeasuredIndicator From(Indicator indicator, Estimate estimate) =>
        new(indicator, estimate.Value, estimate.Lower, estimate.Upper, estimate.Samples, Stable: true);
}
