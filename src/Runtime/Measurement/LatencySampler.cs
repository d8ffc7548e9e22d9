using System.Diagnostics;
using Perfolizer.Mathematics.QuantileEstimators;
using Pragmastat;

namespace EfficiencyMisnomer.Runtime.Measurement;

/// <summary>
/// Times one inference at a time with <see cref="Stopwatch.GetTimestamp"/>: warm-up until the median of
/// consecutive windows settles, then samples until the <see cref="StoppingRule"/> holds or the time cap
/// passes. Between the two timestamps only the inference runs; bookkeeping happens outside them.
/// </summary>
public sealed class LatencySampler
{
    private const double GrowthBetweenChecks = 1.25;
    private readonly MeasurementOptions options;
    private readonly Action<string>? progress;

    public LatencySampler(MeasurementOptions options, Action<string>? progress = null)
    {
        this.options = options;
        this.progress = progress;
    }

    /// <param name="inference">One inference.</param>
    /// <param name="rule">When the samples suffice.</param>
    /// <param name="timedLoopStarts">Called once between warm-up and the first timed inference: meters of the timed loop start there.</param>
    /// <param name="betweenSamples">Called after each timed inference, outside the timed region (the reference workloads run there).</param>
    public LatencySamples Sample(Action inference, StoppingRule rule, Action? timedLoopStarts = null, Action? betweenSamples = null)
    {
        ArgumentNullException.ThrowIfNull(inference);
        ArgumentNullException.ThrowIfNull(rule);
        var started = Stopwatch.GetTimestamp();
        var capTicks = (long)(options.TimeCap.TotalSeconds * Stopwatch.Frequency);
        var warmup = WarmUp(inference, started + (long)(capTicks * options.WarmupShare));
        timedLoopStarts?.Invoke();

        var ticks = new long[Math.Min(options.MaxSamples, Math.Max(1024, rule.MinimumSamples * 2))];
        int n = 0;
        int nextCheck = rule.MinimumSamples;
        bool met = false;
        while (n < options.MaxSamples)
        {
            var before = Stopwatch.GetTimestamp();
            inference();
            var after = Stopwatch.GetTimestamp();
            ticks[n++] = after - before;
            betweenSamples?.Invoke();
            if (n == ticks.Length && n < options.MaxSamples)
            {
                Array.Resize(ref ticks, (int)Math.Min(options.MaxSamples, 2L * n));
            }

            if (after - started >= capTicks)
            {
                break;
            }

            if (n >= nextCheck)
            {
                var sample = new Sample(ToMilliseconds(ticks, n));
                met = rule.IsMet(sample);
                progress?.Invoke(FormattableString.Invariant($"{n} samples, median {HarrellDavisQuantileEstimator.Instance.Quantile(sample, 0.5).NominalValue:0.###} ms{(met ? ", target met" : "")}"));
                if (met)
                {
                    break;
                }

                nextCheck = (int)Math.Max(n + 1, n * GrowthBetweenChecks);
            }
        }

        var samples = ToMilliseconds(ticks, n);
        met = met || rule.IsMet(new Sample(samples));
        return new LatencySamples(samples, warmup, Stopwatch.GetElapsedTime(started), met);
    }

    /// <summary>Runs windows of inferences until two consecutive windows' medians agree within the tolerance, or the deadline.</summary>
    private int WarmUp(Action inference, long deadline)
    {
        var window = new double[options.WarmupWindow];
        double? previous = null;
        int runs = 0;
        while (true)
        {
            for (int i = 0; i < window.Length; i++)
            {
                var before = Stopwatch.GetTimestamp();
                inference();
                window[i] = Stopwatch.GetTimestamp() - before;
                runs++;
            }

            var median = SimpleQuantileEstimator.Instance.Quantile(new Sample(window), 0.5).NominalValue;
            if (previous is { } last && Math.Abs(median - last) <= options.WarmupTolerance * last)
            {
                progress?.Invoke(FormattableString.Invariant($"warm-up settled after {runs} runs"));
                return runs;
            }

            if (Stopwatch.GetTimestamp() >= deadline)
            {
                progress?.Invoke(FormattableString.Invariant($"warm-up stopped by its time share after {runs} runs, not settled"));
                return runs;
            }

            previous = median;
        }
    }

    private static double[] ToMilliseconds(long[] ticks, int count)
    {
        var scale = 1000.0 / Stopwatch.Frequency;
        var result = new double[count];
        for (int i = 0; i < count; i++)
        {
            result[i] = ticks[i] * scale;
        }

        return result;
    }
}
