namespace EfficiencyMisnomer.Reporting;

/// <summary>A plot of a report: its title and its SVG element, ready to be put inline into HTML.</summary>
/// <param name="Title">What is plotted against what.</param>
/// <param name="Svg">The <c>svg</c> element.</param>
/// <param name="Kind"><c>quality</c> (a quality metric against a cost indicator, Pareto frontier marked) or <c>indicators</c> (one cost indicator against another).</param>
public sealed record ReportPlot(string Kind, string Title, string Svg);
