using EfficiencyMisnomer.Runtime.Sessions;
using Microsoft.ML.OnnxRuntime;

namespace EfficiencyMisnomer.Runtime.Tests;

/// <summary>How ONNX Runtime's messages are printed: named by severity, escaped, filtered by the chosen level, and expected failures demoted to info.</summary>
public sealed class OnnxRuntimeEnvironmentTests
{
    private const OrtLoggingLevel Warning = OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING;

    [TestCase("verbose", OrtLoggingLevel.ORT_LOGGING_LEVEL_VERBOSE)]
    [TestCase(" Info ", OrtLoggingLevel.ORT_LOGGING_LEVEL_INFO)]
    [TestCase("warn", OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING)]
    [TestCase("ERROR", OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR)]
    [TestCase("fatal", OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL)]
    public void Levels_are_read_by_name(string text, OrtLoggingLevel expected) =>
        Assert.That(OnnxRuntimeEnvironment.ParseLevel(text), Is.EqualTo(expected));

    [TestCase("")]
    [TestCase("3")]
    [TestCase("debug")]
    [TestCase(null)]
    public void Anything_else_is_not_a_level(string? text) => Assert.That(OnnxRuntimeEnvironment.ParseLevel(text), Is.Null);

    [Test]
    public void A_message_at_or_above_the_level_is_one_escaped_line_naming_its_severity() =>
        Assert.That(OnnxRuntimeEnvironment.Format(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "node 'a\n::error::b' \u001b[31mfailed\n", Warning, failuresExpected: false),
            Is.EqualTo("onnxruntime error: node 'a\\n::error::b' \\u001b[31mfailed"));

    [Test]
    public void A_message_below_the_level_is_dropped() =>
        Assert.That(OnnxRuntimeEnvironment.Format(OrtLoggingLevel.ORT_LOGGING_LEVEL_INFO, "graph optimised", Warning, failuresExpected: false), Is.Null);

    [Test]
    public void An_expected_failure_is_info_shown_only_at_info_level()
    {
        Assert.Multiple(() =>
        {
            Assert.That(OnnxRuntimeEnvironment.Format(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "Failed to load library", Warning, failuresExpected: true), Is.Null);
            Assert.That(OnnxRuntimeEnvironment.Format(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "Failed to load library", OrtLoggingLevel.ORT_LOGGING_LEVEL_INFO, failuresExpected: true),
                Is.EqualTo("onnxruntime info: Failed to load library"));
            Assert.That(OnnxRuntimeEnvironment.Format(OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL, "abort", Warning, failuresExpected: true),
                Is.EqualTo("onnxruntime fatal: abort"), "a fatal message is never demoted");
        });
    }

    [Test]
    public void A_long_message_is_cut_and_the_rest_counted()
    {
        var line = OnnxRuntimeEnvironment.Format(Warning, new string('x', 5000), Warning, failuresExpected: false)!;
        Assert.That(line, Does.StartWith("onnxruntime warning: " + new string('x', 1000) + "…").And.EndWith("(4000 more characters)"));
    }
}
