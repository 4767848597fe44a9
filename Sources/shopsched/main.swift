print("shopsched")
