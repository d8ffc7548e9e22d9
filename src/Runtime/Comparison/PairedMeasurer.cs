using System.Diagnostics;
using System.Globalization;
using EfficiencyMisnomer.Runtime.Hardware;
using EfficiencyMisnomer.Runtime.Inputs;
using EfficiencyMisnomer.Runtime.Isolation;
using EfficiencyMisnomer.Runtime.Measurement;
using EfficiencyMisnomer.Runtime.Sessions;
using Pragmastat;

namespace EfficiencyMisnomer.Runtime.Comparison;

/// <summary>
/// Measures a model against its base in one run, interleaved, so that the load of a shared machine falls on both alike:
/// both sessions created up front with the same settings and inputs, warmed up in turn, then rounds in which each side
/// runs one block of inferences, in a random order within the round. Each round gives one pair (the block means);
/// the ratio head / base comes from the pairs (<see cref="PairedRatio"/>), and sampling stops when its interval decides
/// every comparison and the head's budgeted statistics have their precision, or when the time cap passes.
/// </summary>
public sealed class PairedMeasurer
{
    /// <summary>The time a side's block aims at: long enough that timer and switching costs vanish, short enough for many rounds.</summary>
    public static readonly TimeSpan BlockTarget = TimeSpan.FromMilliseconds(1);

    private const string NotMeasuredHere = "not measured when interleaved with a base: the counter sees both models";
    private readonly RuntimeMeasurer reports;
    private readonly Action<string>? progress;

    /// <param name="reports">Knobs (time cap, confidence, warm-up) and how reports are built.</param>
    /// <param name="progress">Receives progress lines.</param>
    public PairedMeasurer(RuntimeMeasurer reports, Action<string>? progress = null)
    {
        this.reports = reports;
        this.progress = progress;
    }

    private MeasurementOptions Options => reports.Options;

    public PairedReport Measure(PairedCase pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        var head = pair.Head;
        var boundHead = BoundInputs.Resolve(head.Model, head.Bindings, head.Batch, head.Inputs);
        // A decoder's prefill binds every cache input whole, so the base (which may have other layers) has its own step.
        var baseCase = head with
        {
            Model = pair.BaseModel,
            Bindings = head.Generation is { } prefill ? OfBase(() => prefill.Step(pair.BaseModel, head.SpecBindings ?? head.Bindings, prefill.Prompt, 0)) : head.Bindings,
        };
        var boundBase = OfBase(() => BoundInputs.Resolve(baseCase.Model, baseCase.Bindings, head.Batch, head.Inputs));
        var batch = boundHead.Batch;
        MemoryGuard.Check(head.Model, boundHead);
        OfBase(() =>
        {
            MemoryGuard.Check(pair.BaseModel, boundBase);
            return true;
        });
        using var headInputs = GeneratedInputs.Create(boundHead, head.Inputs);
        using var baseInputs = OfBase(() => GeneratedInputs.Create(boundBase, head.Inputs));
        using var headSession = SessionFactory.Create(head.Model.Path, head.Provider, head.Settings);
        using var baseSession = OfBase(() => SessionFactory.Create(pair.BaseModel.Path, head.Provider, head.Settings));
        using var headRunner = new BoundSession(headSession, headInputs, boundHead.Outputs) { ModelPath = head.Model.Path };
        using var baseRunner = new BoundSession(baseSession, baseInputs, boundBase.Outputs) { ModelPath = pair.BaseModel.Path };
        var sides = new[] { baseRunner, headRunner };
        using var watchdog = new Watchdog(sides, Watchdog.Deadline(Options.TimeCap));

        var started = Stopwatch.GetTimestamp();
        var cap = (long)(Options.TimeCap.TotalSeconds * Stopwatch.Frequency);
        var (warmup, typical) = WarmUp(sides, started + (long)(cap * Options.WarmupShare));
        var block = (int)Math.Clamp(Math.Ceiling(BlockTarget.TotalMilliseconds / Math.Max(typical, 1e-6)), 1, 1000);

        var samples = new[] { new List<double>(), new List<double>() };
        var pairs = new[] { new List<double>(), new List<double>() };
        var times = new double[block];
        var random = new Random(pair.OrderSeed);
        var rule = new StoppingRule(head.Watched, Options);
        var load = MachineLoad.Start();
        RatioEstimate? last = null;
        var decided = false;
        while (samples[1].Count < Options.MaxSamples)
        {
            var first = random.Next(2);
            for (var turn = 0; turn < 2; turn++)
            {
                var side = first ^ turn;
                for (var i = 0; i < block; i++)
                {
                    var before = Stopwatch.GetTimestamp();
                    sides[side].Run();
                    times[i] = Stopwatch.GetElapsedTime(before).TotalMilliseconds;
                }

                // The block's mean: a sum of timings resolves far finer than one timing does (the clock ticks in steps of
                // up to 100 ns, a twentieth of a 2 us model), and a preempted block is one outlying pair, which the
                // paired estimate shrugs off.
                samples[side].AddRange(times);
                pairs[side].Add(times.Average());
            }

            var rounds = pairs[0].Count;
            if (Stopwatch.GetTimestamp() - started >= cap)
            {
                break;
            }

            if (pair.Looks.IsLook(rounds))
            {
                last = PairedRatio.Estimate(pairs[0], pairs[1], pair.Looks.PerLook);
                decided = pair.Decides(last, Median(pairs[0]));
                var met = rule.IsMet(new Sample(samples[1].ToArray()));
                progress?.Invoke(string.Create(CultureInfo.InvariantCulture,
                    $"{rounds} rounds of {block}: head/base {last.Ratio:0.0000} ({last.Lower:0.0000} to {last.Upper:0.0000}){(decided ? ", decided" : "")}{(met ? "" : ", head statistics not yet precise")}"));
                if (decided && met)
                {
                    break;
                }
            }
        }

        if (last is null || last.Pairs != pairs[0].Count)
        {
            last = PairedRatio.Estimate(pairs[0], pairs[1], pair.Looks.PerLook);
            decided = pair.Decides(last, Median(pairs[0]));
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        var others = load.Stop() is { IsAvailable: true } share ? share.Value : (double?)null;
        var ratio95 = PairedRatio.Estimate(pairs[0], pairs[1], 0.95);
        var energy = Observation.Unavailable(NotMeasuredHere);
        var headSamples = new LatencySamples(samples[1].ToArray(), warmup, elapsed, rule.IsMet(new Sample(samples[1].ToArray())));
        var baseSamples = new LatencySamples(samples[0].ToArray(), warmup, elapsed, rule.IsMet(new Sample(samples[0].ToArray())));
        var headReport = reports.Report(head, batch, headSamples, rule, pair.HeadFresh ?? NotObserved, energy, boundHead.Warnings.Concat(headRunner.Warnings));
        var baseReport = reports.Report(baseCase, batch, baseSamples, rule, pair.BaseFresh ?? NotObserved, energy, boundBase.Warnings.Concat(baseRunner.Warnings));
        GenerationRatios? ratios = null;
        if (head.Generation is { } plan)
        {
            using var headGenerator = new Generator(head, plan, headSession, boundHead, headInputs);
            using var baseGenerator = OfBase(() => new Generator(baseCase, plan, baseSession, boundBase, baseInputs));
            var generated = GenerationMeasurer.MeasurePaired(baseGenerator, headGenerator, Options, random, BaseFailure);
            headReport = headReport with { Indicators = RuntimeMeasurer.InCatalogueOrder(headReport.Indicators.Concat(generated.Head)) };
            baseReport = baseReport with { Indicators = RuntimeMeasurer.InCatalogueOrder(baseReport.Indicators.Concat(generated.Base)) };
            ratios = Ratios(generated, pair.Looks.PerLook);
            progress?.Invoke(string.Create(CultureInfo.InvariantCulture,
                $"{ratios.Rounds} interleaved generations: head/base time to first token {ratios.FirstToken.Ratio:0.0000}, per output token {ratios.PerToken.Ratio:0.0000}"));
        }

        return new PairedReport(baseReport with { OtherCpuShare = others }, headReport with { OtherCpuShare = others }, last, ratio95, pairs[0].Count, block, decided)
        {
            Generation = ratios,
        };
    }

    /// <summary>Head / base of the per-round generation times, at <paramref name="confidence"/> and at 95%.</summary>
    private static GenerationRatios Ratios(PairedGeneration generated, double confidence)
    {
        var (b, h) = (generated.BaseTimes, generated.HeadTimes);
        return new GenerationRatios(PairedRatio.Estimate(b.FirstToken, h.FirstToken, confidence), PairedRatio.Estimate(b.FirstToken, h.FirstToken, 0.95),
            PairedRatio.Estimate(b.PerToken, h.PerToken, confidence), PairedRatio.Estimate(b.PerToken, h.PerToken, 0.95), b.FirstToken.Count);
    }

    /// <summary>What the base's side does; its failures are the base's (<see cref="Diagnostics.ErrorCodes.BaseModelUnreadable"/>), not the head's.</summary>
    private static T OfBase<T>(Func<T> step)
    {
        try
        {
            return step();
        }
        catch (Diagnostics.EfficiencyException e)
        {
            throw BaseFailure(e);
        }
    }

    private static Diagnostics.EfficiencyException BaseFailure(Diagnostics.EfficiencyException e) =>
        new(Diagnostics.ErrorCodes.BaseModelUnreadable, $"the base's model cannot be measured: {e.Code}: {e.Message.TrimEnd('.')}", e.Location, e);

    private static double Median(List<double> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return sorted[sorted.Length / 2];
    }

    private static readonly SessionObservation NotObserved = SessionObservation.Failed(Diagnostics.ErrorCodes.IndicatorUnavailable, "not observed", isolated: false);

    /// <summary>
    /// Windows of inferences, base and head in turn, until each side's consecutive window medians agree within the
    /// warm-up tolerance, or the deadline; the inferences run and the larger side's median (ms).
    /// </summary>
    private (int Runs, double Typical) WarmUp(BoundSession[] sides, long deadline)
    {
        var previous = new double?[sides.Length];
        var settled = new bool[sides.Length];
        var medians = new double[sides.Length];
        var window = new double[Options.WarmupWindow];
        var runs = 0;
        foreach (var side in sides)
        {
            side.Run();
            runs++;
        }

        while (true)
        {
            for (var s = 0; s < sides.Length; s++)
            {
                for (var i = 0; i < window.Length; i++)
                {
                    var before = Stopwatch.GetTimestamp();
                    sides[s].Run();
                    window[i] = Stopwatch.GetElapsedTime(before).TotalMilliseconds;
                    runs++;
                }

                Array.Sort(window);
                medians[s] = window[window.Length / 2];
                settled[s] = previous[s] is { } last && Math.Abs(medians[s] - last) <= Options.WarmupTolerance * last;
                previous[s] = medians[s];
            }

            if (settled.All(x => x) || Stopwatch.GetTimestamp() >= deadline)
            {
                progress?.Invoke(string.Create(CultureInfo.InvariantCulture,
                    $"warm-up {(settled.All(x => x) ? "settled" : "stopped by its time share, not settled")} after {runs} runs (base {medians[0]:0.###} ms, head {medians[1]:0.###} ms)"));
                return (runs, medians.Max());
            }
        }
    }
}
