using System.Globalization;
using EfficiencyMisnomer.Disagreement;
using EfficiencyMisnomer.Indicators;
using EfficiencyMisnomer.Results;

namespace EfficiencyMisnomer.Exporters;

/// <summary>
/// The content of a report made from a results document, independent of its rendering (Markdown, HTML):
/// per spec, tables of every indicator of every model, verdicts, baseline deltas and disagreements, and the
/// machines measured on.
/// </summary>
public sealed record ResultsReport(EfficiencyResults Results, IReadOnlyList<SpecReport> Specs, ReportTable Machines)
{
    /// <summary>The text of a value that is not available, followed by its reason.</summary>
    public const string Unavailable = "n/a";

    /// <summary>Every gated indicator over the runs reported, when they come from several runs (<see cref="TrendReport"/>).</summary>
    public IReadOnlyList<TrendSeries> Trends { get; init; } = Array.Empty<TrendSeries>();

    /// <summary>The trends as tables, one per spec and model: a row per indicator and setup, a column per run (the latest <see cref="TrendReport.MarkdownRuns"/>).</summary>
    public IReadOnlyList<ReportTable> TrendTables() => Trends.GroupBy(t => (t.Spec, t.Model)).Select(group =>
    {
        var labels = group.SelectMany(t => t.Points).OrderBy(p => p.Created).Select(p => p.Label).Distinct(StringComparer.Ordinal).TakeLast(TrendReport.MarkdownRuns).ToList();
        var rows = group.Select(t => (IReadOnlyList<string>)new[] { t.Indicator, t.Setup }.Concat(labels.Select(label => t.Points.LastOrDefault(p => p.Label == label) is { } point
            ? ResultValue.Format(point.Value, t.Unit) + (point.Breached ? " (" + point.Status + ")" : "") + (point.BaselineUpdated ? " (new baseline)" : "")
            : "")).ToList()).ToList();
        return new ReportTable($"{group.Key.Spec}: {group.Key.Model}", TrendHeader.Concat(labels).ToList(), rows);
    }).ToList();

    private static readonly string[] VerdictHeader = { "status", "model", "kind", "indicator", "setup", "message", "location" };
    private static readonly string[] MachineHeader = { "machine", "summary" };
    private static readonly string[] RankingHeader = { "indicator", "order" };
    private static readonly string[] TrendHeader = { "indicator", "setup" };
    private static readonly string[] DeltaHeader = { "model", "indicator", "setup", "baseline", "now", "change", "status" };

    /// <summary>Builds the report; <paramref name="analyze"/> finds disagreements (the misnomer detector unless given).</summary>
    public static ResultsReport Build(EfficiencyResults results, Func<SpecResults, DisagreementReport>? analyze = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        analyze ??= MisnomerDetector.Analyze;
        var specs = results.Specs.Select(s => Spec(s, analyze(s))).ToList();
        var machines = new ReportTable(
            "",
            MachineHeader,
            results.Machines.Select(m => (IReadOnlyList<string>)new[] { m.Id, m.Summary }).ToList());
        return new ResultsReport(results, specs, machines);
    }

    /// <summary>Where a verdict applies: <c>static</c>, or the profile and batch of a runtime one.</summary>
    public static string Setup(string? profile, int? batch) =>
        profile is null ? "static" : batch is { } b ? $"{profile}, batch {b.ToString(CultureInfo.InvariantCulture)}" : profile;

    private static SpecReport Spec(SpecResults spec, DisagreementReport disagreement)
    {
        var (rankings, correlations) = Disagreements(disagreement);
        var (verdicts, attention) = Verdicts(spec);
        return new SpecReport(spec, StaticTable(spec), RuntimeTables(spec), verdicts, attention, Deltas(spec), rankings, correlations, disagreement, Comparisons(spec))
        {
            Benchmarks = BenchmarkTable(spec),
        };
    }

    /// <summary>Each BenchmarkDotNet case a column, each of its indicators a row; null when the spec has no benchmarks.</summary>
    private static ReportTable? BenchmarkTable(SpecResults spec)
    {
        if (spec.Benchmarks.Count == 0)
        {
            return null;
        }

        var header = new List<string> { "indicator", "unit" };
        header.AddRange(spec.Benchmarks.Select(b => b.Case));
        var rows = new List<IReadOnlyList<string>>();
        foreach (var name in Ordered(spec.Benchmarks.SelectMany(b => b.Indicators).Select(i => i.Name), IndicatorCatalog.BenchmarkNames))
        {
            var results = spec.Benchmarks.Select(b => b.Indicator(name)).ToList();
            var row = new List<string> { name, ResultValue.UnitColumn(results.FirstOrDefault(r => r is not null)?.Unit ?? "") };
            row.AddRange(results.Select(r => Cell(r, gated: true)));
            rows.Add(row);
        }

        return new ReportTable("BenchmarkDotNet cases", header, rows);
    }

    private static ReportTable StaticTable(SpecResults spec)
    {
        var header = new List<string> { "indicator", "unit" };
        header.AddRange(spec.Models.Select(m => m.Name));
        var rows = new List<IReadOnlyList<string>>();
        foreach (var metric in spec.Models.SelectMany(m => m.Quality.Keys).Distinct(StringComparer.Ordinal))
        {
            var row = new List<string> { metric, "quality" };
            row.AddRange(spec.Models.Select(m => m.Quality.TryGetValue(metric, out var q) ? q.ToString("0.####", CultureInfo.InvariantCulture) : ""));
            rows.Add(row);
        }

        var names = Ordered(spec.Models.SelectMany(m => m.Static).Select(i => i.Name), IndicatorCatalog.StaticNames);
        foreach (var name in names)
        {
            var results = spec.Models.Select(m => m.StaticIndicator(name)).ToList();
            var row = new List<string> { name, ResultValue.UnitColumn(results.FirstOrDefault(r => r is not null)?.Unit ?? "") };
            row.AddRange(results.Select(r => Cell(r, gated: true)));
            rows.Add(row);
        }

        return new ReportTable("Quality and static indicators", header, rows);
    }

    private static List<ReportTable> RuntimeTables(SpecResults spec)
    {
        var tables = new List<ReportTable>();
        var setups = spec.Models.SelectMany(m => m.Runtime).Select(r => (r.Machine, r.Profile, r.Batch)).Distinct().ToList();
        foreach (var (machine, profile, batch) in setups)
        {
            var measured = spec.Models
                .Select(m => (Model: m, Run: m.Runtime.LastOrDefault(r => r.Machine == machine && r.Profile == profile && r.Batch == batch)))
                .Where(p => p.Run is not null)
                .ToList();
            var header = new List<string> { "indicator", "unit" };
            header.AddRange(measured.Select(p => p.Model.Name));
            var rows = new List<IReadOnlyList<string>>();
            foreach (var name in Ordered(measured.SelectMany(p => p.Run!.Indicators).Select(i => i.Name), IndicatorCatalog.RuntimeNames))
            {
                var results = measured.Select(p => p.Run!.Indicator(name)).ToList();
                var row = new List<string> { name, ResultValue.UnitColumn(results.FirstOrDefault(r => r is not null)?.Unit ?? "") };
                // Sampling aims at the precision of what is budgeted or compared; only that can be called unstable.
                row.AddRange(measured.Select((p, i) => Cell(results[i], p.Model.Verdicts.Any(v => v.Indicator == name && v.Profile == profile && (v.Batch ?? batch) == batch))));
                rows.Add(row);
            }

            var providers = string.Join("/", measured.Select(p => p.Run!.Provider).Distinct(StringComparer.Ordinal));
            tables.Add(new ReportTable($"Runtime: profile {profile}, batch {batch.ToString(CultureInfo.InvariantCulture)}, machine {machine} ({providers})", header, rows));
        }

        return tables;
    }

    private static (ReportTable Table, int Attention) Verdicts(SpecResults spec)
    {
        var sorted = VerdictOrder.SortAll(spec).ToList();
        var rows = sorted.Select(p => (IReadOnlyList<string>)new[]
        {
            p.Verdict.Status, p.Subject, p.Verdict.Kind, p.Verdict.Indicator, Setup(p.Verdict.Profile, p.Verdict.Batch),
            p.Verdict.Message, p.Verdict.Location ?? "",
        }).ToList();
        return (new ReportTable("Verdicts", VerdictHeader, rows), sorted.Count(p => VerdictOrder.NeedsAttention(p.Verdict.Status)));
    }

    private static ReportTable? Deltas(SpecResults spec)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var (model, verdict) in VerdictOrder.Sort(spec))
        {
            if (verdict.Kind != "regression" || verdict.Against is { } against && against != "baseline" || verdict.Measured is not { } now || verdict.Reference is not { } baseline)
            {
                continue;
            }

            var unit = UnitOf(model, verdict);
            rows.Add(new[]
            {
                model.Name, verdict.Indicator, Setup(verdict.Profile, verdict.Batch),
                ResultValue.Format(baseline, unit, 4), ResultValue.Format(now, unit, 4), ResultValue.Change(now, baseline), verdict.Status,
            });
        }

        return rows.Count == 0 ? null : new ReportTable("Against the baseline", DeltaHeader, rows);
    }

    /// <summary>Against a base revision: per model, each indicator's base and head values, the ratio the verdict rests on, its 95% interval.</summary>
    private static List<ReportTable> Comparisons(SpecResults spec)
    {
        var tables = new List<ReportTable>();
        foreach (var model in spec.Models)
        {
            var compared = model.Verdicts.Where(v => v.Kind == "regression" && v.Against is { } a && a != "baseline").ToList();
            if (compared.Count == 0 && model.Base is null)
            {
                continue;
            }

            var whole = compared.FirstOrDefault(v => v.Indicator == Regression.RegressionVerdict.WholeModel);
            var status = whole?.Status ?? model.Base?.Status ?? "changed";
            var against = compared.Select(v => v.Against).FirstOrDefault() ?? "the base";
            var caption = status switch
            {
                "unchanged" => $"{model.Name}: unchanged (byte-identical at {against}), not measured",
                "new" => $"{model.Name}: new (absent at {against})",
                _ => $"{model.Name} against {against}",
            };
            var rows = compared.Where(v => v.Indicator != Regression.RegressionVerdict.WholeModel).Select(v =>
            {
                var unit = UnitOf(model, v);
                var interval = v.RatioLower95 is { } lower && v.RatioUpper95 is { } upper ? $"{Regression.RegressionText.Bound(lower)} to {Regression.RegressionText.Bound(upper)}"
                    : v.RatioLower is { } low && v.RatioUpper is { } high && v.Profile is not null ? $"{Regression.RegressionText.Bound(low)} to {Regression.RegressionText.Bound(high)} (range)"
                    : "exact";
                return (IReadOnlyList<string>)new[]
                {
                    v.Indicator, Setup(v.Profile, v.Batch),
                    v.Reference is { } b ? ResultValue.Format(b, unit, 4) : Unavailable, v.Measured is { } h ? ResultValue.Format(h, unit, 4) : Unavailable,
                    v.Ratio is { } r ? Regression.RegressionText.Change(r) : Unavailable, interval, v.Status,
                };
            }).ToList();
            tables.Add(new ReportTable(caption, ComparisonHeader, rows));
        }

        return tables;
    }

    private static readonly string[] ComparisonHeader = { "indicator", "setup", "base", "head", "head/base", "95% interval", "verdict" };

    private static (ReportTable? Rankings, ReportTable? Correlations) Disagreements(DisagreementReport report)
    {
        var rankings = report.Rankings.Count == 0 ? null : new ReportTable(
            "Models by each indicator, cheapest first",
            RankingHeader,
            report.Rankings.Select(r => (IReadOnlyList<string>)new[] { r.Key, Order(r) }).ToList());

        // Only indicators that some other indicator does not fully agree with: a matrix of 1s says nothing.
        var keys = report.Rankings.Select(r => r.Key)
            .Where(k => report.Correlations.Any(c => (c.First == k || c.Second == k) && c.KendallTau < 1))
            .ToList();
        if (keys.Count == 0)
        {
            return (rankings, null);
        }

        var header = new List<string> { "Kendall tau" };
        header.AddRange(keys);
        var rows = keys.Select(row =>
        {
            var cells = new List<string> { row };
            cells.AddRange(keys.Select(column => row == column ? "1" : Tau(report, row, column)));
            return (IReadOnlyList<string>)cells;
        }).ToList();
        return (rankings, new ReportTable("Rank agreement between indicators (Kendall tau; 1 = same order, -1 = reversed)", header, rows));
    }

    /// <summary>
    /// The models cheapest first, tied ones joined by <c>=</c>: <c>small, mid = wide</c>. An indicator on which every
    /// model ties says so instead of reading as an order.
    /// </summary>
    private static string Order(IndicatorRanking ranking)
    {
        var groups = ranking.Models.GroupBy(m => m.Rank).OrderBy(g => g.Key).Select(g => string.Join(" = ", g.Select(m => m.Model))).ToList();
        return groups.Count == 1 && ranking.Models.Count > 1 ? groups[0] + " (all tie: this indicator does not separate them)" : string.Join(", ", groups);
    }

    private static string Tau(DisagreementReport report, string first, string second)
    {
        var correlation = report.Correlations.FirstOrDefault(c => (c.First == first && c.Second == second) || (c.First == second && c.Second == first));
        return correlation is null ? "" : correlation.KendallTau.ToString("0.00", CultureInfo.InvariantCulture);
    }

    private static string UnitOf(ModelResults model, VerdictResult verdict)
    {
        var measured = verdict.Profile is null
            ? model.StaticIndicator(verdict.Indicator)
            : model.Runtime.Where(r => r.Profile == verdict.Profile && (verdict.Batch is null || r.Batch == verdict.Batch))
                .Select(r => r.Indicator(verdict.Indicator)).FirstOrDefault(i => i is not null);
        return measured?.Unit ?? IndicatorCatalog.Find(verdict.Indicator)?.Unit ?? "";
    }

    private static string Cell(IndicatorResult? result, bool gated)
    {
        if (result is null)
        {
            return "";
        }

        if (result.Value is not { } value)
        {
            return result.Note is { Length: > 0 } note ? $"{Unavailable} ({note})" : Unavailable;
        }

        var text = ResultValue.WithInterval(value, result.Lower, result.Upper, result.Unit);
        return result.Stable || !gated ? text : text + " unstable";
    }

    /// <summary>Names in catalogue order, then any the catalogue does not know in document order.</summary>
    private static List<string> Ordered(IEnumerable<string> present, IEnumerable<string> catalogue)
    {
        var set = present.Distinct(StringComparer.Ordinal).ToList();
        var ordered = catalogue.Where(set.Contains).ToList();
        ordered.AddRange(set.Where(n => !ordered.Contains(n)));
        return ordered;
    }
}
