namespace EfficiencyMisnomer.Diagnostics;

/// <summary>
/// Expected bad input (a broken model, an impossible binding, ...). Front ends print its diagnostic
/// and exit or fail cleanly; they never show its stack trace.
/// </summary>
public sealed class EfficiencyException : Exception
{
    public EfficiencyException(string code, string message, SourceLocation? location = null, Exception? inner = null)
        : base(message, inner)
    {
        Diagnostic = Diagnostic.Error(code, message, location);
    }

    public Diagnostic Diagnostic { get; }

    public string Code => Diagnostic.Code;

    public SourceLocation? Location => Diagnostic.Location;

    public override string ToString() => Diagnostic.ToString();
}
