// Meson (with a systemd unit), a script collection, a Perl distribution and a
// Python project through spec --probe and build.
namespace OpsKit.Rpm.Tests.EndToEnd;

public sealed class OtherShapeTests
{
    [Fact]
    public void Meson_service_with_config_and_data_directory()
    {
        var payload = ShapeBuild.Run("mshello-meson", "mshello-meson", "mshello-1.2", "mshello");
        Assert.Contains("/usr/lib/systemd/system/mshello.service\n", payload);
        Assert.Contains("/usr/share/mshello/messages.txt\n", payload);
    }

    [Fact]
    public void Script_collection_is_noarch()
    {
        var payload = ShapeBuild.Run("opsscripts", "opsscripts", "opsscripts-0.9", "opsscripts");
        Assert.Contains("# opsscripts-0.9-1.noarch.rpm\n", payload);
        Assert.Contains("/usr/bin/ops-diskcheck\n", payload);
    }

    [Fact]
    public void Perl_makemaker_distribution_installs_into_vendorlib()
    {
        var payload = ShapeBuild.Run("perl-hello", "perl-hello", "Acme-OpsHello-0.4", "perl-Acme-OpsHello");
        Assert.Contains("/Acme/OpsHello.pm\n", payload);
    }

    [Fact]
    public void Python_pyproject_with_an_entry_point()
    {
        var payload = ShapeBuild.Run("pyhello", "pyhello", "PyHello-1.5.0", "python-pyhello");
        Assert.Contains("# python-pyhello-1.5.0-1.noarch.rpm\n/usr/bin/pyhello\n", payload);
        Assert.Contains("/pyhello/__init__.py\n", payload);
    }
}
