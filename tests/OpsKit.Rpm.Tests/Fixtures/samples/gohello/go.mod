module example.org/gohello

go 1.21
