namespace EfficiencyMisnomer.Diagnostics;

/// <summary>How bad a diagnostic is.</summary>
public enum DiagnosticSeverity
{
    Info,
    Warning,
    Error,
}
