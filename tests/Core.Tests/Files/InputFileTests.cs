using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Files;

namespace EfficiencyMisnomer.Tests.Files;

/// <summary>Only regular files are read, never a FIFO, device or folder, and never more than the role's cap.</summary>
public sealed class InputFileTests
{
    private static readonly FileRole Small = FileRole.Spec with { MaxBytes = 64 };

    private string folder = "";

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("misnomer-files-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void A_regular_file_is_read_whole()
    {
        var path = Write("a.yaml", "name: a\n");
        Assert.That(InputFile.ReadAllText(path, FileRole.Spec), Is.EqualTo("name: a\n"));
    }

    [Test]
    public void A_link_to_a_regular_file_is_followed()
    {
        var target = Write("a.yaml", "name: a\n");
        var link = SpecialFiles.Link(Path.Combine(folder, "link.yaml"), target);
        Assert.That(InputFile.ReadAllText(link, FileRole.Spec), Is.EqualTo("name: a\n"));
    }

    [Test]
    public void A_fifo_is_refused_at_once_without_waiting_for_a_writer()
    {
        var fifo = SpecialFiles.Fifo(Path.Combine(folder, "spec.yaml"));
        try
        {
            var error = SpecialFiles.WithinSeconds(10, () => Assert.Throws<EfficiencyException>(() => InputFile.ReadAllText(fifo, FileRole.Spec))!);
            Assert.That((error.Code, error.Message), Is.EqualTo((ErrorCodes.InputNotRegularFile,
                $"spec file '{fifo}' is a FIFO (named pipe), not a regular file; it was not opened. Give the path of a regular file")));
        }
        finally
        {
            SpecialFiles.Release(fifo);
        }
    }

    [Test]
    public void A_fifo_is_refused_when_opened_for_mapping_too()
    {
        var fifo = SpecialFiles.Fifo(Path.Combine(folder, "model.onnx"));
        try
        {
            var error = SpecialFiles.WithinSeconds(10, () => Assert.Throws<EfficiencyException>(() => InputFile.OpenRead(fifo, FileRole.Model))!);
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.InputNotRegularFile));
        }
        finally
        {
            SpecialFiles.Release(fifo);
        }
    }

    [Test]
    public void A_character_device_is_refused_by_its_kind()
    {
        if (!File.Exists("/dev/null"))
        {
            Assert.Ignore("no /dev/null here");
        }

        var error = Assert.Throws<EfficiencyException>(() => InputFile.ReadAllText("/dev/null", FileRole.Results))!;
        Assert.That((error.Code, error.Message.Contains("is a character device, not a regular file", StringComparison.Ordinal)), Is.EqualTo((ErrorCodes.InputNotRegularFile, true)));
    }

    [Test]
    public void A_folder_is_refused_by_its_kind()
    {
        var error = Assert.Throws<EfficiencyException>(() => InputFile.ReadAllText(folder, FileRole.Baseline))!;
        Assert.That((error.Code, error.Message.Contains("is a folder, not a regular file", StringComparison.Ordinal)), Is.EqualTo((ErrorCodes.InputNotRegularFile, true)));
    }

    [Test]
    public void A_missing_file_is_the_role_s_own_code()
    {
        var path = Path.Combine(folder, "absent.json");
        var error = Assert.Throws<EfficiencyException>(() => InputFile.ReadAllBytes(path, FileRole.Results))!;
        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.ResultsUnreadable));
            Assert.That(error.Message, Is.EqualTo($"results file '{path}' does not exist"));
            Assert.That(InputFile.ReadAllTextIfExists(path, FileRole.Baseline), Is.Null);
        });
    }

    [Test]
    public void A_missing_model_is_the_loader_s_not_found_code()
    {
        var error = Assert.Throws<EfficiencyException>(() => InputFile.OpenRead(Path.Combine(folder, "absent.onnx"), FileRole.Model))!;
        Assert.That(error.Code, Is.EqualTo(ErrorCodes.ModelFileNotFound));
    }

    [Test]
    public void External_data_is_not_capped_and_a_missing_file_is_its_own_code()
    {
        Assert.That(FileRole.ExternalData.MaxBytes, Is.EqualTo(long.MaxValue));
        var error = Assert.Throws<EfficiencyException>(() => InputFile.OpenRead(Path.Combine(folder, "weights.bin"), FileRole.ExternalData))!;
        Assert.That(error.Code, Is.EqualTo(ErrorCodes.ExternalDataMissing));
    }

    [Test]
    public void A_model_opened_for_mapping_can_be_mapped_as_the_loader_does()
    {
        var path = Write("m.onnx", "0123456789");
        var stream = InputFile.OpenRead(path, FileRole.Model);
        Assert.That((stream.Length, stream.Position), Is.EqualTo((10L, 0L)));
        using var map = System.IO.MemoryMappedFiles.MemoryMappedFile.CreateFromFile(stream, null, 0, System.IO.MemoryMappedFiles.MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
        using var view = map.CreateViewAccessor(0, 10, System.IO.MemoryMappedFiles.MemoryMappedFileAccess.Read);
        Assert.That(view.ReadByte(9), Is.EqualTo((byte)'9'));
    }

    [Test]
    public void A_file_over_the_cap_is_refused_before_it_is_read()
    {
        var path = Write("big.yaml", new string('#', 65));
        var error = Assert.Throws<EfficiencyException>(() => InputFile.ReadAllText(path, Small))!;
        Assert.That((error.Code, error.Message), Is.EqualTo((ErrorCodes.InputTooLarge, $"spec file '{path}' is 65 B, more than the 64 B a spec file may be; it was not read")));
    }

    [Test]
    public void A_file_at_the_cap_is_read()
    {
        var path = Write("full.yaml", new string('#', 64));
        Assert.That(InputFile.ReadAllText(path, Small), Has.Length.EqualTo(64));
    }

    [Test]
    public void The_spec_cap_is_a_few_mebibytes_and_results_may_be_larger()
    {
        Assert.That(FileRole.Spec.MaxBytes, Is.EqualTo(4L << 20));
        Assert.That(FileRole.Results.MaxBytes, Is.GreaterThan(FileRole.Spec.MaxBytes));
    }

    [Test]
    public void A_file_that_reports_no_size_is_still_read_up_to_the_cap()
    {
        const string Proc = "/proc/self/status";
        if (!File.Exists(Proc))
        {
            Assert.Ignore("no /proc here");
        }

        Assert.That(InputFile.ReadAllText(Proc, FileRole.Spec), Does.Contain("Name:"));
        var error = Assert.Throws<EfficiencyException>(() => InputFile.ReadAllText(Proc, Small))!;
        Assert.That(error.Code, Is.EqualTo(ErrorCodes.InputTooLarge));
    }

    [Test]
    public void A_path_with_a_line_break_is_quoted_escaped()
    {
        var path = Path.Combine(folder, "a\n::error::forged.yaml");
        var error = Assert.Throws<EfficiencyException>(() => InputFile.ReadAllText(path, FileRole.Spec))!;
        Assert.That(error.Diagnostic.ToString(), Does.Not.Contain("\n").And.Contain("a\\n::error::forged.yaml"));
    }

    [TestCase("")]
    [TestCase("a\0b")]
    public void An_invalid_path_is_the_role_s_code(string path)
    {
        var error = Assert.Throws<EfficiencyException>(() => InputFile.ReadAllText(path, FileRole.Spec))!;
        Assert.That(error.Code, Is.EqualTo(ErrorCodes.SpecNotFound));
    }

    [Test]
    public void The_kind_of_what_a_path_names()
    {
        var file = Write("a.yaml", "x");
        Assert.Multiple(() =>
        {
            Assert.That(InputFile.KindOf(file, FileRole.Spec), Is.EqualTo(FileKind.Regular));
            Assert.That(InputFile.KindOf(folder, FileRole.Spec), Is.EqualTo(FileKind.Directory));
            Assert.That(InputFile.KindOf(Path.Combine(folder, "absent"), FileRole.Spec), Is.EqualTo(FileKind.Missing));
            Assert.That(InputFile.KindOf(Path.Combine(file, "under-a-file"), FileRole.Spec), Is.EqualTo(FileKind.Missing));
        });
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
