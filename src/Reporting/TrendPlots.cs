using EfficiencyMisnomer.Exporters;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;
using OxyPlot.Series;

namespace EfficiencyMisnomer.Reporting;

/// <summary>
/// A plot per trend: the indicator's value at each run (commit) in order, its confidence interval as a band where it was
/// measured, runs where the gate failed (a breached budget, a regression) in red, and runs with a new baseline marked.
/// </summary>
public static class TrendPlots
{
    private const double Width = 560;
    private const double Height = 300;
    private static readonly OxyColor Line = OxyColor.FromRgb(0x3b, 0x6e, 0xa5);
    private static readonly OxyColor Breach = OxyColor.FromRgb(0xc6, 0x28, 0x28);
    private static readonly OxyColor Baseline = OxyColor.FromRgb(0x2e, 0x7d, 0x32);

    public static IReadOnlyList<ReportPlot> Of(IReadOnlyList<TrendSeries> trends)
    {
        ArgumentNullException.ThrowIfNull(trends);
        return trends.Select(Plot).ToList();
    }

    /// <summary>The most run labels the bottom axis shows: slanted, each needs about 30 pixels of the plot's width.</summary>
    public const int MaxRunLabels = 16;

    /// <summary>Every how many runs a label is shown: 1 up to <see cref="MaxRunLabels"/> runs, then evenly fewer.</summary>
    internal static int LabelStep(int runs) => Math.Max(1, (runs + MaxRunLabels - 1) / MaxRunLabels);

    private static ReportPlot Plot(TrendSeries trend)
    {
        var title = $"{trend.Spec}: {trend.Model}, {trend.Indicator} ({trend.Setup})";
        var model = new PlotModel { Title = PlotText.Of(title), TitleFontSize = 13, DefaultFont = "sans-serif", Background = OxyColors.White };
        model.Legends.Add(new Legend { LegendPlacement = LegendPlacement.Outside, LegendPosition = LegendPosition.TopCenter, LegendOrientation = LegendOrientation.Horizontal, LegendItemSpacing = 24 });
        var runs = new CategoryAxis
        {
            Position = AxisPosition.Bottom,
            Title = "run (commit)",
            Angle = trend.Points.Count > 8 ? -45 : 0,
            AxisTitleDistance = 8,
            // Every run keeps its point; labels are thinned so that they never overlap, however many runs there are.
            MajorStep = LabelStep(trend.Points.Count),
        };
        runs.Labels.AddRange(trend.Points.Select(p => PlotText.Of(p.Label)));
        model.Axes.Add(runs);
        model.Axes.Add(new LinearAxis
        {
            Position = AxisPosition.Left,
            Title = PlotText.Of(trend.Indicator),
            MinimumPadding = 0.1,
            MaximumPadding = 0.1,
            LabelFormatter = v => ResultValue.Format(v, trend.Unit),
            AxisTitleDistance = 12,
        });

        if (trend.Points.Any(p => p.Lower is not null && p.Upper is not null))
        {
            var band = new AreaSeries { Title = "interval", Color = OxyColor.FromAColor(60, Line), StrokeThickness = 0 };
            foreach (var (point, i) in trend.Points.Select((p, i) => (p, i)))
            {
                band.Points.Add(new DataPoint(i, point.Upper ?? point.Value));
                band.Points2.Add(new DataPoint(i, point.Lower ?? point.Value));
            }

            model.Series.Add(band);
        }

        var line = new LineSeries { Title = "value", Color = Line, StrokeThickness = 2, MarkerType = MarkerType.Circle, MarkerSize = 4, MarkerFill = Line };
        line.Points.AddRange(trend.Points.Select((p, i) => new DataPoint(i, p.Value)));
        model.Series.Add(line);
        Marks(model, trend, p => p.Breached, "gate failed", Breach, MarkerType.Circle);
        Marks(model, trend, p => p.BaselineUpdated, "new baseline", Baseline, MarkerType.Diamond);
        return new ReportPlot("trend", title, PlotText.Svg(model, Width, Height));
    }

    private static void Marks(PlotModel model, TrendSeries trend, Func<TrendPoint, bool> which, string title, OxyColor color, MarkerType marker)
    {
        var points = trend.Points.Select((p, i) => (p, i)).Where(x => which(x.p)).ToList();
        if (points.Count == 0)
        {
            return;
        }

        var marks = new ScatterSeries { Title = title, MarkerType = marker, MarkerSize = 7, MarkerFill = color };
        marks.Points.AddRange(points.Select(x => new ScatterPoint(x.i, x.p.Value)));
        model.Series.Add(marks);
    }
}
