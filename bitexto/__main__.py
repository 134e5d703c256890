from bitexto.cli import main

main(prog_name="bitexto")
