"""`make bench`: Unico against Splink and recordlinkage on FEBRL, fake_1000 and the demo retailer."""
