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
}
