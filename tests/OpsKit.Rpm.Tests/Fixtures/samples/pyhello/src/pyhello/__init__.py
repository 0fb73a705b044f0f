"""Greetings."""


def main():
    print("hello from python")
