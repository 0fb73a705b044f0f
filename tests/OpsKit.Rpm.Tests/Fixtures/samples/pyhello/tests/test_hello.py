import pyhello


def test_main(capsys):
    pyhello.main()
    assert "hello" in capsys.readouterr().out
