namespace EfficiencyMisnomer.TestAdapter;

/// <summary>
/// A spec or setting that could not be turned into tests. Its test is not runnable; should it be run anyway,
/// it fails with the same diagnostics.
/// </summary>
public sealed class InvalidEfficiencyCase : EfficiencyCase
{
    public InvalidEfficiencyCase(string name, string reason)
        : base(name) => Reason = reason;

    /// <summary>The diagnostics in canonical <c>file(line,col): error CODE: message</c> form, one a line.</summary>
    public string Reason { get; }

    public override void Assert() => NUnit.Framework.Assert.Fail(Reason);
}
