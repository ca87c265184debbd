from bienphong.cli import main

main()
