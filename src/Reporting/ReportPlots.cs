using EfficiencyMisnomer.Exporters;
using EfficiencyMisnomer.Results;
using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using OxyPlot.Legends;
using OxyPlot.Series;

namespace EfficiencyMisnomer.Reporting;

/// <summary>
/// The plots of a spec, drawn with OxyPlot and exported as SVG: each quality metric against each cost
/// indicator with the Pareto frontier drawn through the non-dominated models, and cost indicators against
/// each other (parameters, MACs, median latency), every point labelled with its model.
/// </summary>
public static class ReportPlots
{
    /// <summary>Pairs of indicators plotted against each other, x then y, when both are in the document.</summary>
    public static readonly IReadOnlyList<(string X, string Y)> IndicatorPairs = new[]
    {
        ("params", "macs"), ("params", "latency.p50"), ("macs", "latency.p50"), ("flops", "latency.p50"), ("params", "throughput"),
    };

    private const double Width = 560;
    private const double Height = 380;
    private static readonly OxyColor Frontier = OxyColor.FromRgb(0xd9, 0x48, 0x01);
    private static readonly OxyColor Dominated = OxyColor.FromRgb(0x3b, 0x6e, 0xa5);

    public static IReadOnlyList<ReportPlot> Of(SpecResults spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var series = CostSeries.Of(spec);
        var plots = new List<ReportPlot>();
        foreach (var metric in spec.Models.SelectMany(m => m.Quality.Keys).Distinct(StringComparer.Ordinal))
        {
            foreach (var cost in series)
            {
                var points = cost.Values
                    .Where(v => spec.Model(v.Key)?.Quality.TryGetValue(metric, out _) == true)
                    .Select(v => new ModelPoint(v.Key, v.Value, spec.Model(v.Key)!.Quality[metric]))
                    .ToList();
                if (points.Count >= 2)
                {
                    plots.Add(Quality(metric, cost, points));
                }
            }
        }

        foreach (var (x, y) in IndicatorPairs)
        {
            foreach (var first in series.Where(s => s.Indicator == x))
            {
                foreach (var second in series.Where(s => s.Indicator == y))
                {
                    var points = first.Values
                        .Join(second.Values, a => a.Key, b => b.Key, (a, b) => new ModelPoint(a.Key, a.Value, b.Value), StringComparer.Ordinal)
                        .ToList();
                    if (points.Count >= 2)
                    {
                        plots.Add(Indicators(first, second, points));
                    }
                }
            }
        }

        return plots;
    }

    private static ReportPlot Quality(string metric, CostSeries cost, List<ModelPoint> points)
    {
        metric = PlotText(metric);
        var title = $"{metric} against {PlotText(cost.Title)}";
        var model = Model(title);
        model.Axes.Add(Axis(AxisPosition.Bottom, PlotText(cost.Title) + (cost.HigherIsBetter ? " (higher is better)" : " (lower is cheaper)"), points.Select(p => p.Cost), cost.Unit));
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Left, Title = metric, MinimumPadding = 0.1, MaximumPadding = 0.1, AxisTitleDistance = 12 });

        var frontier = ParetoFrontier.Of(points, cost.HigherIsBetter);
        var line = new LineSeries { Title = "Pareto frontier", Color = Frontier, StrokeThickness = 2, MarkerType = MarkerType.Circle, MarkerSize = 5, MarkerFill = Frontier };
        line.Points.AddRange(frontier.Select(p => new DataPoint(p.Cost, p.Quality)));
        model.Series.Add(line);
        var others = new ScatterSeries { Title = "dominated", MarkerType = MarkerType.Circle, MarkerSize = 5, MarkerFill = Dominated };
        others.Points.AddRange(points.Except(frontier).Select(p => new ScatterPoint(p.Cost, p.Quality)));
        model.Series.Add(others);
        Label(model, points);
        return new ReportPlot("quality", title, Svg(model));
    }

    private static ReportPlot Indicators(CostSeries x, CostSeries y, List<ModelPoint> points)
    {
        var title = $"{PlotText(y.Title)} against {PlotText(x.Title)}";
        var model = Model(title);
        model.Axes.Add(Axis(AxisPosition.Bottom, PlotText(x.Title), points.Select(p => p.Cost), x.Unit));
        model.Axes.Add(Axis(AxisPosition.Left, PlotText(y.Title), points.Select(p => p.Quality), y.Unit));
        var scatter = new ScatterSeries { Title = "models", MarkerType = MarkerType.Circle, MarkerSize = 5, MarkerFill = Dominated };
        scatter.Points.AddRange(points.Select(p => new ScatterPoint(p.Cost, p.Quality)));
        model.Series.Add(scatter);
        Label(model, points);
        return new ReportPlot("indicators", title, Svg(model));
    }

    private static PlotModel Model(string title)
    {
        var model = new PlotModel { Title = title, TitleFontSize = 13, DefaultFont = "sans-serif", Background = OxyColors.White };
        model.Legends.Add(new Legend { LegendPlacement = LegendPlacement.Outside, LegendPosition = LegendPosition.TopCenter, LegendOrientation = LegendOrientation.Horizontal, LegendItemSpacing = 30, LegendPadding = 12 });
        return model;
    }

    /// <summary>A logarithmic axis when the values are positive and span more than two decades, linear otherwise; ticks read in the indicator's unit.</summary>
    private static Axis Axis(AxisPosition position, string title, IEnumerable<double> values, string unit)
    {
        var list = values.ToList();
        var logarithmic = list.All(v => v > 0) && list.Max() / list.Min() > 100;
        Axis axis = logarithmic ? new LogarithmicAxis() : new LinearAxis();
        axis.Position = position;
        axis.Title = title;
        // Room on the right for the label of the costliest model.
        axis.MinimumPadding = 0.1;
        axis.MaximumPadding = position == AxisPosition.Bottom ? 0.3 : 0.1;
        axis.LabelFormatter = v => ResultValue.Format(v, unit);
        axis.AxisTitleDistance = 12; // the exporter measures text narrower than browsers draw it
        // Tick labels carry a unit ("12.5 GMAC", "1.2 MiB"): wider than OxyPlot's default spacing of 60 pixels allows
        // without touching. A logarithmic axis ticks at decades, which its own spacing already keeps apart.
        axis.IntervalLength = position == AxisPosition.Bottom ? 90 : 50;
        return axis;
    }

    private static void Label(PlotModel model, IEnumerable<ModelPoint> points)
    {
        foreach (var point in points)
        {
            model.Annotations.Add(new TextAnnotation
            {
                Text = PlotText(point.Model),
                TextPosition = new DataPoint(point.Cost, point.Quality),
                TextHorizontalAlignment = HorizontalAlignment.Left,
                TextVerticalAlignment = VerticalAlignment.Bottom,
                Offset = new ScreenVector(6, -4),
                Stroke = OxyColors.Transparent,
                FontSize = 11,
            });
        }
    }

    private static string PlotText(string text) => Reporting.PlotText.Of(text);

    private static string Svg(PlotModel model) => Reporting.PlotText.Svg(model, Width, Height);
}
