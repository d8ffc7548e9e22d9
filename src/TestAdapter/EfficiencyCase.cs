using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Files;

namespace EfficiencyMisnomer.TestAdapter;

/// <summary>
/// One generated efficiency test: the argument NUnit passes to a method marked <see cref="EfficiencySpecsAttribute"/>,
/// whose body is <c>c.Assert()</c>. Its text is the test's name.
/// </summary>
public abstract class EfficiencyCase
{
    protected EfficiencyCase(string name) => Name = name;

    /// <summary>The test's name: <c>spec/model [static]</c>, <c>spec/model [profile]</c>, or the spec file when it cannot be read.</summary>
    public string Name { get; }

    /// <summary>Runs the case and asserts every budget it covers; failures of all budgets are reported together.</summary>
    public abstract void Assert();

    public override string ToString() => Name;

    /// <summary>
    /// Runs <paramref name="assert"/> so that no exception leaves the test but NUnit's own: bad input (a coded error,
    /// a file that cannot be read or written) fails the test with its diagnostic, and a defect fails it with
    /// <c>EM9999</c> rather than a stack trace (set <c>MISNOMER_DEBUG=1</c> to see one).
    /// </summary>
    protected static void Guarded(Action assert)
    {
        ArgumentNullException.ThrowIfNull(assert);
        try
        {
            assert();
        }
        catch (EfficiencyException e)
        {
            NUnit.Framework.Assert.Fail(e.Diagnostic.ToString());
        }
        catch (Exception e) when (FileFailure.Is(e))
        {
            NUnit.Framework.Assert.Fail(UserText.Escape($"error {ErrorCodes.ResultsUnwritable}: {e.Message}"));
        }
        catch (Exception e) when (e is not NUnit.Framework.ResultStateException)
        {
            var detail = Environment.GetEnvironmentVariable("MISNOMER_DEBUG") == "1" ? Environment.NewLine + e : string.Empty;
            NUnit.Framework.Assert.Fail(UserText.Escape($"error {ErrorCodes.InternalError}: internal error: {e.GetType().Name}: {e.Message}") + detail);
        }
    }
}
