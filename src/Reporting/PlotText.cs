using EfficiencyMisnomer.Diagnostics;
using OxyPlot;

namespace EfficiencyMisnomer.Reporting;

/// <summary>Text and SVG for the report's plots.</summary>
internal static class PlotText
{
    /// <summary>
    /// A name from the document as plot text: escaped and bounded as messages quote it (<see cref="UserText.Quote"/>),
    /// and without the two characters XML forbids that are not control characters, so that the SVG writer, which
    /// refuses characters XML cannot hold, never fails on a model's name.
    /// </summary>
    public static string Of(string text) =>
        UserText.Quote(text).Replace("\ufffe", "\\ufffe", StringComparison.Ordinal).Replace("\uffff", "\\uffff", StringComparison.Ordinal);

    /// <summary>The <c>svg</c> element alone: the exporter writes an XML declaration even when not asked for a document.</summary>
    public static string Svg(PlotModel model, double width, double height)
    {
        var svg = SvgExporter.ExportToString(model, width, height, isDocument: false);
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return start > 0 ? svg[start..] : svg;
    }
}
